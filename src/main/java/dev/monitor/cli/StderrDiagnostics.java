package dev.monitor.cli;

import java.io.PrintWriter;

import dev.monitor.fetch.Diagnostics;

/** Warnings always, details only under {@code --verbose}; both on stderr, so stdout stays the report. */
record StderrDiagnostics(PrintWriter err, boolean verbose) implements Diagnostics {

    @Override
    public void error(String line) {
        err.println("monitor: " + line);
        err.flush();
    }

    @Override
    public void warning(String line) {
        err.println("monitor: warning: " + line);
        err.flush();
    }

    @Override
    public void verbose(String line) {
        if (verbose) {
            err.println("monitor: " + line);
            err.flush();
        }
    }
}
