package dev.monitor.cli;

import jakarta.enterprise.context.Dependent;

import io.quarkus.runtime.QuarkusApplication;
import picocli.CommandLine;

/** Runs one command line (a {@link MonitorMain} entry point replaces the Quarkus picocli extension's runner). */
@Dependent
class CommandLineApplication implements QuarkusApplication {

    private final CommandLine commandLine;

    CommandLineApplication(CommandLine commandLine) {
        this.commandLine = commandLine;
    }

    @Override
    public int run(String... args) {
        try {
            return commandLine.execute(args);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
    }
}
