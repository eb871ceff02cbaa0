import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build's training run for the start-up cache (run by Maven in {@code package} as a single-file source
 * program, so it needs no compile step of its own).
 *
 * <p>It serves the mock cluster API from the packaged jar, then runs the packaged command
 * ({@code target/monitor}, the launcher) with {@code MONITOR_TRAIN=1}, which makes the launcher write the
 * cache for this JDK. The training command reads a saved snapshot, fetches every server, saves the
 * snapshot and prints every report: the classes of every short run users make.
 *
 * <p>Arguments: the launcher, the directory for the training's own files.
 */
public class AotTraining {

    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");
    private static final long TIMEOUT_SECONDS = 300;

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args[0]).toAbsolutePath();
        Path work = Files.createDirectories(Path.of(args[1]));
        Path snapshot = work.resolve("snapshot.json");
        Files.deleteIfExists(snapshot);

        Process mock = onBuildJdk(List.of(launcher.toString(), "mock-server", "--host", "127.0.0.1", "--port", "0",
                "--servers", "150", "--seed", "1"), false).start();
        try {
            String port = awaitPort(mock);
            List<String> run = List.of(launcher.toString(), "--host", "127.0.0.1", "--port", port, "--snapshot",
                    snapshot.toString());
            // First an untrained run, so that the training run finds a snapshot to read.
            awaitCommand(run, false, work.resolve("first.log"));
            List<String> training = new ArrayList<>(run);
            training.addAll(List.of("--refresh", "--printservers", "--avg", "--unhealthyservices", "--verbose"));
            awaitCommand(training, true, work.resolve("training.log"));
        } finally {
            mock.destroy();
            if (!mock.waitFor(10, TimeUnit.SECONDS)) {
                mock.destroyForcibly();
            }
        }
    }

    /** The launcher runs on the JDK that builds, so that the cache is for that JDK. */
    private static ProcessBuilder onBuildJdk(List<String> command, boolean train) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("MONITOR_TRAIN", train ? "1" : "0");
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

    /** Exit codes 0 to 2 are reports (the mock's random figures may make a service CRITICAL); 3 is a failure. */
    private static void awaitCommand(List<String> command, boolean train, Path log) throws Exception {
        Process process = onBuildJdk(command, train).redirectError(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("AOT training: " + command + " did not end; see " + log);
        }
        if (process.exitValue() > 2) {
            throw new IllegalStateException("AOT training: " + command + " exited " + process.exitValue() + "; see " + log);
        }
    }
}
