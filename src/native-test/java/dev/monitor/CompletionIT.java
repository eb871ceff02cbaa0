package dev.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * {@code monitor completion bash}, sourced by a real bash, completing as it would on Tab.
 *
 * <p>
 * Each test has a folder and files of its own and only reads the shared mock and script, so the tests run at once:
 * each mostly waits for bash and the artifact to start.
 */
@Execution(ExecutionMode.CONCURRENT)
class CompletionIT {

    @RegisterExtension
    static MockServerProcess mock = new MockServerProcess("--servers", "150");

    /** Where the command as users type it, and its completion script, are installed once: the tests only read them. */
    @TempDir
    static Path installed;

    private static Path monitor;
    private static Path script;

    @TempDir
    Path temp;

    @BeforeAll
    static void installTheScript() throws Exception {
        monitor = installed.resolve("monitor");
        Files.writeString(monitor, "#!/bin/sh\nexec " + MockServerProcess.artifactCommand().stream()
                .map(word -> "'" + word + "'").collect(Collectors.joining(" ")) + " \"$@\"\n");
        Files.setPosixFilePermissions(monitor, PosixFilePermissions.fromString("rwx------"));
        script = installed.resolve("monitor.bash");
        Files.writeString(script, run(monitor.toString(), "completion", "bash"));
    }

    @Test
    void flagsAndFormatNamesComplete() throws Exception {
        assertThat(complete(monitor.toString(), "--outp")).contains("--output", "--output-file");
        assertThat(complete(monitor.toString(), "-o", "")).contains("table", "json", "csv", "prometheus", "nagios");
        assertThat(complete(monitor.toString(), "--sort-by", "c")).containsExactly("cpu");
    }

    @Test
    void serviceNamesComeFromTheLastSnapshot() throws Exception {
        String snapshot = temp.resolve("s.json").toString();
        run(monitor.toString(), "--port", String.valueOf(mock.port()), "--snapshot", snapshot, "--avg");

        assertThat(complete(monitor.toString(), "--port", String.valueOf(mock.port()), "--snapshot", snapshot,
                "--service", "Au")).containsExactly("AuthService");
        assertThat(complete(monitor.toString(), "--port", String.valueOf(mock.port()), "--snapshot", snapshot,
                "--service", "")).hasSize(10).contains("UserService", "StorageService");
    }

    @Test
    void withoutAnEndpointServiceNamesComeFromTheNewestSnapshotNotTheHistoryBesideIt() throws Exception {
        Map<String, String> env = Map.of("XDG_CACHE_HOME", temp.resolve("cache").toString());
        run(env, monitor.toString(), "--port", String.valueOf(mock.port()), "--avg");
        try (var files = Files.list(temp.resolve("cache").resolve("monitor"))) {
            assertThat(files.map(file -> file.getFileName().toString())).as("the history is the newest .json")
                    .anyMatch(name -> name.endsWith(".history.json"));
        }

        assertThat(completeIn(env, monitor.toString(), "--service", "Au")).containsExactly("AuthService");
    }

    @Test
    void withoutASnapshotServiceCompletesToNothingQuietly() throws Exception {
        assertThat(complete(monitor.toString(), "--snapshot", temp.resolve("none.json").toString(), "--service", ""))
                .isEmpty();
    }

    @Test
    void contextNamesComeFromTheContextsFileAtEachTab() throws Exception {
        // The script was written before any of these contexts existed: the names are read at each Tab.
        Map<String, String> env = Map.of("MONITOR_CONFIG", temp.resolve("config.yaml").toString());
        for (String name : List.of("prod", "lab", "prod-eu")) {
            run(env, monitor.toString(), "context", "add", name, "--url", "http://127.0.0.1:1");
        }

        assertThat(completeIn(env, monitor.toString(), "--context", "")).containsExactly("lab", "prod", "prod-eu");
        assertThat(completeIn(env, monitor.toString(), "--port", "8080", "--context", "pr"))
                .containsExactly("prod", "prod-eu");
        assertThat(completeIn(env, monitor.toString(), "context", "use", "")).containsExactly("lab", "prod", "prod-eu");
        assertThat(completeIn(env, monitor.toString(), "context", "remove", "l")).containsExactly("lab");

        run(env, monitor.toString(), "context", "remove", "lab");
        assertThat(completeIn(env, monitor.toString(), "context", "use", "")).containsExactly("prod", "prod-eu");
    }

    @Test
    void withoutAReadableContextsFileContextCompletesToNothingQuietly() throws Exception {
        Path garbage = Files.writeString(temp.resolve("garbage.yaml"), "contexts: [ not, a, map\n");

        assertThat(completeIn(Map.of("MONITOR_CONFIG", temp.resolve("none.yaml").toString()), monitor.toString(),
                "--context", "")).isEmpty();
        assertThat(completeIn(Map.of("MONITOR_CONFIG", garbage.toString()), monitor.toString(), "context", "use", ""))
                .isEmpty();
    }

    /** The candidates bash would offer for the last word. */
    private List<String> complete(String... words) throws Exception {
        return completeIn(Map.of(), words);
    }

    /** The same, with these environment variables set for bash and the commands it runs. */
    private List<String> completeIn(Map<String, String> env, String... words) throws Exception {
        String array = java.util.Arrays.stream(words).map(word -> "'" + word + "'").collect(Collectors.joining(" "));
        String program = "source '" + script + "' 2>/dev/null; COMP_WORDS=(" + array + "); COMP_CWORD="
                + (words.length - 1) + "; _monitor_live 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
        return run(env, "bash", "-c", program).lines().filter(line -> !line.isBlank()).toList();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        return run(Map.of(), command);
    }

    private static String run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        // No contexts file of the machine's user stands in for the test's.
        builder.environment().remove("MONITOR_CONFIG");
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
