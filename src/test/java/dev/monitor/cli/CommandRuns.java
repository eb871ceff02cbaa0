package dev.monitor.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.monitor.testing.CapturedRun;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import picocli.CommandLine;

/**
 * Runs command lines in the application a {@code @QuarkusTest} started once: each run gets a new
 * {@link CommandLine} from CDI, with every command, option and handler, and goes through
 * {@link CommandLineApplication} as a launch does; only Quarkus' start and stop around it are left out. A
 * {@code @QuarkusMainTest} starts and stops the whole application for each launch, on classes loaded anew each
 * time, which made the JVM tests spend most of their CPU starting Quarkus rather than running monitor.
 *
 * <p>
 * What the run prints on stdout and stderr is kept for the test, and so is any framework log record at WARNING or
 * above, which goes to stderr in the packaged command: a test that asserts stderr holds monitor's lines only sees
 * it there too. Environment variables that a command reads itself ({@code $MONITOR_CONFIG}) may be set for the runs
 * of one launcher ({@link #withEnvironment}); option defaults read from the environment cannot, being read once
 * per application. The packaged tests (src/native-test) still run the command as users do, one process per run.
 */
public final class CommandRuns implements QuarkusMainLauncher {

    private final Map<String, String> environment;

    public CommandRuns() {
        this(Map.of());
    }

    private CommandRuns(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Runs whose commands see these environment variables too ({@link RunEnvironment}). */
    public CommandRuns withEnvironment(Map<String, String> variables) {
        return new CommandRuns(Map.copyOf(variables));
    }

    @Override
    public CapturedRun launch(String... args) {
        return Arc.container().instance(RunEnvironment.class).get().during(environment, () -> run(args));
    }

    private CapturedRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Handler logged = new ErrorLog(err);
        Logger root = Logger.getLogger("");
        root.addHandler(logged);
        try (InstanceHandle<CommandLine> commandLine = Arc.container().instance(CommandLine.class)) {
            commandLine.get().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
            int exitCode = new CommandLineApplication(commandLine.get()).run(args);
            return new Result(exitCode, out.toString(), err.toString());
        } finally {
            root.removeHandler(logged);
        }
    }

    /** A framework's log record, as the packaged command's console handler would put it on stderr. */
    private static final class ErrorLog extends Handler {

        private final StringWriter err;

        ErrorLog(StringWriter err) {
            this.err = err;
            setLevel(Level.WARNING);
        }

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                synchronized (err) {
                    err.append(record.getLevel().getName()).append(" [").append(record.getLoggerName())
                            .append("] ").append(String.valueOf(record.getMessage())).append('\n');
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private record Result(int exitCode, String out, String err) implements CapturedRun {
    }
}
