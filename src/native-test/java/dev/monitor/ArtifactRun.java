package dev.monitor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.monitor.testing.CapturedRun;

/**
 * One run of the packaged artifact in its own process with the environment a test sets (proxy variables,
 * {@code MONITOR_CONFIG}), which an in-process launch cannot change. A launch result too, so that what checks
 * an in-process run's output checks this one's.
 */
public record ArtifactRun(int exitCode, String out, String err) implements CapturedRun {

    private static final List<String> CLEARED = List.of("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY",
            "no_proxy", "NO_PROXY", "all_proxy", "ALL_PROXY", "MONITOR_TOKEN", "MONITOR_BASIC_AUTH", "MONITOR_CONFIG",
            "MONITOR_CONTEXT");

    /** @param temp where the run's stdout and stderr are kept */
    public static ArtifactRun of(Path temp, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return of(temp, ProcessBuilder.Redirect.PIPE, env, args);
    }

    /** The same, with standard input read from {@code stdin} ({@code /dev/zero}, say). */
    public static ArtifactRun of(Path temp, ProcessBuilder.Redirect stdin, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(MockServerProcess.artifactCommand());
        command.addAll(Arrays.asList(args));
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(stdin).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        CLEARED.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("monitor still running after 60s; stderr: " + Files.readString(err));
        }
        return new ArtifactRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
