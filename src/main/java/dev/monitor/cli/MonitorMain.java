package dev.monitor.cli;

import jakarta.inject.Inject;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

/**
 * Runs the command line once. In dev mode it then stays up, so that the mock cluster API that dev mode
 * serves (see {@code DevModeMockCluster}) can still be tried by hand until the developer stops it.
 */
@QuarkusMain
public class MonitorMain implements QuarkusApplication {

    @Inject
    CommandLine commandLine;

    @Override
    public int run(String... args) {
        int exitCode;
        try {
            exitCode = commandLine.execute(args);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
        if (LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            commandLine.getErr().printf("monitor: exit code %d; the mock cluster API keeps serving until Ctrl-C%n",
                    exitCode);
            commandLine.getErr().flush();
            Quarkus.waitForExit();
        }
        return exitCode;
    }
}
