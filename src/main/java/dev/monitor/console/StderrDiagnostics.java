package dev.monitor.console;

import java.io.PrintWriter;

import dev.monitor.fetch.Diagnostics;
import dev.monitor.fetch.FetchProgress;

/**
 * Warnings always, details only under {@code --verbose}, a progress bar when one is wanted; all on stderr, so
 * stdout stays the report.
 */
public record StderrDiagnostics(PrintWriter err, boolean verbose, FetchProgress progress) implements Diagnostics {

    public StderrDiagnostics(PrintWriter err, boolean verbose) {
        this(err, verbose, FetchProgress.NONE);
    }

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
