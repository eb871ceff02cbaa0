import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build's training run for the start-up cache (run by Maven in {@code package} as a single-file source
 * program, so it needs no compile step of its own).
 *
 * <p>It serves the mock cluster API from the packaged jar, then runs the packaged command ({@code target/monitor},
 * the launcher) as users run it, each run with {@code MONITOR_TRAIN=record}, which makes the launcher add the classes
 * the run loads to its list, and the last with {@code MONITOR_TRAIN=1}, which writes the cache for this JDK from
 * them all: a fetch of a few hundred servers (more than the concurrency, so requests queue for the pool) that saves
 * the snapshot and prints every report, the snapshot read back in each output format, a usage error, and the
 * health gate answered from the snapshot.
 *
 * <p>Arguments: the launcher, the directory for the training's own files.
 */
public class AotTraining {

    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");
    private static final long TIMEOUT_SECONDS = 300;
    /** More than the default concurrency (128), so the fetch also waits for connections of the pool. */
    private static final int SERVERS = 500;
    /** A report's exit code is its verdict (the mock's seeded figures may make a service CRITICAL). */
    private static final Set<Integer> REPORT = Set.of(0, 1, 2);
    private static final Set<Integer> USAGE_ERROR = Set.of(3);

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args[0]).toAbsolutePath();
        Path work = Files.createDirectories(Path.of(args[1]));
        Path snapshot = work.resolve("snapshot.json");
        Files.deleteIfExists(snapshot);
        Files.deleteIfExists(work.resolve("snapshot.history.json"));
        // Classes recorded for an earlier jar are the launcher's to drop; this build's list starts empty.
        Files.deleteIfExists(launcher.resolveSibling("monitor.classes"));

        Process mock = onBuildJdk(List.of(launcher.toString(), "mock-server", "--host", "127.0.0.1", "--port", "0",
                "--servers", String.valueOf(SERVERS), "--seed", "1"), "0").start();
        try {
            String port = awaitPort(mock);
            List<String> run = List.of(launcher.toString(), "--host", "127.0.0.1", "--port", port, "--snapshot",
                    snapshot.toString());
            List<String> saved = with(run, "--max-age", "1h");
            record(with(run, "--printservers", "--avg", "--unhealthyservices", "--verbose"), REPORT, work, "fetch");
            record(with(saved, "-o", "json", "--printservers", "--avg", "--unhealthyservices"), REPORT, work, "json");
            record(with(saved, "-o", "csv", "--printservers"), REPORT, work, "csv");
            record(with(saved, "-o", "prometheus"), REPORT, work, "prometheus");
            record(with(saved, "-o", "nagios"), REPORT, work, "nagios");
            record(with(saved, "--cpu-limit", "most"), USAGE_ERROR, work, "usage-error");
            awaitCommand(saved, "1", REPORT, work.resolve("training.log"));
            // The launcher names the JDK only once the cache is written; a dump that failed leaves no name.
            if (!Files.exists(launcher.resolveSibling("monitor.jdk"))) {
                throw new IllegalStateException("AOT training: no cache was written; see " + work.resolve("training.log"));
            }
        } finally {
            mock.destroy();
            if (!mock.waitFor(10, TimeUnit.SECONDS)) {
                mock.destroyForcibly();
            }
        }
    }

    private static List<String> with(List<String> command, String... more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(more));
        return all;
    }

    private static void record(List<String> command, Set<Integer> exitCodes, Path work, String name) throws Exception {
        awaitCommand(command, "record", exitCodes, work.resolve(name + ".log"));
    }

    /** The launcher runs on the JDK that builds, so that the cache is for that JDK. */
    private static ProcessBuilder onBuildJdk(List<String> command, String train) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("MONITOR_TRAIN", train);
        return builder;
    }

    private static String awaitPort(Process mock) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(mock.getErrorStream(), StandardCharsets.UTF_8));
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                return listening.group(1);
            }
        }
        throw new IllegalStateException("AOT training: the mock cluster API did not start");
    }

    private static void awaitCommand(List<String> command, String train, Set<Integer> exitCodes, Path log)
            throws Exception {
        Process process = onBuildJdk(command, train).redirectError(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("AOT training: " + command + " did not end; see " + log);
        }
        if (!exitCodes.contains(process.exitValue())) {
            throw new IllegalStateException("AOT training: " + command + " exited " + process.exitValue() + "; see " + log);
        }
    }
}
