package dev.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.testing.ExpectedFleet;

/**
 * The packaged artifact, run as users run it ({@code target/monitor}), against {@code monitor mock-server} in its own
 * process, seeded so that every figure, row and exit code is known in advance ({@link ExpectedFleet}).
 */
class PackagedMonitorIT {

    private static final ExpectedFleet FLEET = ExpectedFleet.seeded(150, 7);

    @RegisterExtension
    static MockServerProcess mock = new MockServerProcess("--servers", "150", "--seed", "7");

    @TempDir
    Path temp;

    @Test
    void everyReportOfTheSeedRunsAgainstTheMockServer() throws Exception {
        ArtifactRun result = ArtifactRun.of(temp, Map.of(), "--port", String.valueOf(mock.port()), "--printservers",
                "--avg", "--unhealthyservices", "--snapshot", temp.resolve("s.json").toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(FLEET.exitCode());
        List<String> rows = result.out().lines().map(String::strip)
                .filter(line -> line.startsWith("10.58.")).toList();
        assertThat(rows).as("--printservers: IP, service, status, cpu, memory")
                .map(row -> String.join(" ", row.split("\\s+")))
                .containsExactlyInAnyOrderElementsOf(FLEET.addresses().stream().map(ip -> String.join(" ", ip,
                        ExpectedFleet.service(ip), FLEET.healthy(ip, 80) ? "Healthy" : "Unhealthy",
                        FLEET.cpu(ip) + "%", FLEET.memory(ip) + "%")).toList());
        assertThat(result.out()).contains("AVG CPU").contains(FLEET.exitCode() == 0 ? "All services healthy"
                : "Services with fewer than 2");
        assertThat(Files.exists(temp.resolve("s.json"))).isTrue();
    }

    @Test
    void withoutAnAbsoluteXdgDirectoryFilesGoUnderHome() throws Exception {
        Path home = temp.resolve("home");
        // A relative XDG directory is ignored, as the spec says; $HOME wins over the account's home directory.
        Map<String, String> env = Map.of("HOME", home.toString(), "XDG_CACHE_HOME", "relative-cache",
                "XDG_CONFIG_HOME", "relative-config");

        ArtifactRun report = ArtifactRun.of(temp, env, "--port", String.valueOf(mock.port()));
        ArtifactRun saved = ArtifactRun.of(temp, env, "context", "add", "lab", "--url", "http://cluster.example:8080");

        assertThat(report.exitCode()).as(report.err()).isEqualTo(FLEET.exitCode());
        try (Stream<Path> snapshots = Files.list(home.resolve(".cache/monitor"))) {
            assertThat(snapshots.map(path -> path.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("localhost_" + mock.port() + "-") && name.endsWith(".json"));
        }
        assertThat(saved.exitCode()).as(saved.err()).isZero();
        assertThat(home.resolve(".config/monitor/config.yaml")).content().contains("lab:", "http://cluster.example:8080");
    }

    @Test
    void outputFileThroughALinkToTheProcessStdoutWritesIntoTheFileTheShellOpened() throws Exception {
        // What /dev/stdout is: a link to /proc/self/fd/1. Made here, so that nothing under /dev is at risk.
        Path stdout = Files.createSymbolicLink(temp.resolve("stdout"), Path.of("/proc/self/fd/1"));

        // The run's stdout is a regular file, as after "monitor ... > report.txt".
        ArtifactRun run = ArtifactRun.of(temp, Map.of(), "--port", String.valueOf(mock.port()), "-o", "nagios",
                "--output-file", stdout.toString(), "--snapshot", temp.resolve("s.json").toString());

        assertThat(run.err()).doesNotContain("cannot write");
        assertThat(run.out()).as("written into the open file, not beside it").startsWith("MONITOR ");
        assertThat(Files.isSymbolicLink(stdout)).isTrue();
        assertThat(Files.readSymbolicLink(stdout)).isEqualTo(Path.of("/proc/self/fd/1"));
    }

    @Test
    void unreachableApiExitsThree() throws Exception {
        ArtifactRun result = ArtifactRun.of(temp, Map.of(), "--port", "1", "--retries", "0", "--snapshot",
                temp.resolve("none.json").toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("connection refused");
    }

    @Test
    void aSnapshotPathThatIsTheRootIsAUsageErrorInOneLine() throws Exception {
        ArtifactRun result = ArtifactRun.of(temp, Map.of(), "--snapshot", "/", "--port", String.valueOf(mock.port()),
                "--unhealthyservices");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err().lines()).containsExactly(
                "monitor: --snapshot / names a directory; name the file to keep the snapshot in",
                "Try 'monitor --help' for more information.");
    }

    @Test
    void handEditedFilesAreSaidInTheirOwnTerms() throws Exception {
        Path snapshot = temp.resolve("edited.json");
        Path history = temp.resolve("edited.history.json");
        String[] args = { "--snapshot", snapshot.toString(), "--port", String.valueOf(mock.port()), "--for", "3" };
        assertThat(ArtifactRun.of(temp, Map.of(), concat(args, "--refresh")).exitCode())
                .as("a first breach is held back by --for 3")
                .isEqualTo(FLEET.exitCode() == 2 ? 1 : 0);
        Files.writeString(history, Files.readString(history).replaceFirst("\"verdict\":\"[A-Z]+\"",
                "\"verdict\":\"FINE\""));
        Files.writeString(snapshot, Files.readString(snapshot).replaceFirst("\"cpu\":\\d+", "\"cpu\":\"x\""));

        ArtifactRun result = ArtifactRun.of(temp, Map.of(), concat(args, "--max-age", "1h"));

        assertThat(result.err().lines()).contains("monitor: warning: the verdict history " + history
                + " is unreadable (verdict of fetch 1 is \"FINE\", not OK, WARNING, CRITICAL, UNKNOWN); going on "
                + "without it");
        assertThat(result.err().lines()).anyMatch(line -> line.matches("monitor: warning: the snapshot "
                + Pattern.quote(snapshot.toString()) + " is unreadable \\(cpu of 10\\.58\\.\\d+\\.\\d+ is \"x\", "
                + "not a whole number\\); fetching afresh"));
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("No enum constant")
                .doesNotContain("Current token");
    }

    private static String[] concat(String[] args, String... more) {
        return Stream.concat(Stream.of(args), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void anEnvironmentVariableSetsADefault() throws Exception {
        Process process = start(List.of("--port", String.valueOf(mock.port()), "--unhealthyservices", "--snapshot",
                temp.resolve("env.json").toString()), "MONITOR_MIN_HEALTHY", "1000");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("fewer than 1000 healthy");
    }

    @Test
    void versionIsAnsweredWithoutStartingTheApplication() throws Exception {
        // A log level Quarkus cannot read stops the application as it starts; a version needs none of it.
        Map<String, String> unstartable = Map.of("QUARKUS_LOG_LEVEL", "nonsense");
        ArtifactRun started = ArtifactRun.of(temp, Map.of(), "mock-server", "--version");

        ArtifactRun version = ArtifactRun.of(temp, unstartable, "--version");
        ArtifactRun shortVersion = ArtifactRun.of(temp, unstartable, "-V");
        ArtifactRun help = ArtifactRun.of(temp, unstartable, "--help");

        assertThat(started.exitCode()).as(started.err()).isZero();
        assertThat(started.out()).startsWith("monitor ");
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).isEqualTo(started.out());
        assertThat(version.err()).isEmpty();
        assertThat(shortVersion.out()).isEqualTo(started.out());
        assertThat(help.exitCode()).as("the environment does stop the application").isNotZero();
        assertThat(help.err()).contains("quarkus.log.level");
    }

    @Test
    void everyCommandsHelpIsPrintedWithoutAWarning() throws Exception {
        // Walked from the top command's list of commands, so that a command added later is read too. A help text
        // that picocli cannot format (a bare % in a description) still prints, after warnings on stderr.
        Deque<List<String>> toRead = new ArrayDeque<>(List.of(List.of()));
        List<List<String>> read = new ArrayList<>();
        while (!toRead.isEmpty()) {
            List<String> command = toRead.pop();
            ArtifactRun help = ArtifactRun.of(temp, Map.of(), concat(command.toArray(String[]::new), "--help"));

            assertThat(help.exitCode()).as("%s --help: %s", command, help.err()).isZero();
            assertThat(help.err()).as("%s --help on stderr", command).isEmpty();
            assertThat(help.out()).as("%s --help", command).startsWith("Usage: monitor");
            for (String name : commandsListed(help.out())) {
                toRead.add(Stream.concat(command.stream(), Stream.of(name)).toList());
            }
            read.add(command);
        }

        assertThat(read).contains(List.of("serve"), List.of("mock-server"), List.of("context", "add"),
                List.of("completion"));
    }

    /** The names under a help's "Commands:" heading: its lines indented by two spaces, up to the next heading. */
    private static List<String> commandsListed(String help) {
        List<String> names = new ArrayList<>();
        boolean listing = false;
        for (String line : help.lines().toList()) {
            if (!line.isEmpty() && !line.startsWith(" ")) {
                listing = line.equals("Commands:");
            } else if (listing && line.matches("  \\S.*")) {
                names.add(line.strip().split("\\s+")[0]);
            }
        }
        return names;
    }

    @Test
    void aBrokenDefaultInTheEnvironmentDoesNotStopVersion() throws Exception {
        ArtifactRun version = ArtifactRun.of(temp, Map.of("MONITOR_CONCURRENCY", "many"), "--version");
        ArtifactRun run = ArtifactRun.of(temp, Map.of("MONITOR_CONCURRENCY", "many"), "--port",
                String.valueOf(mock.port()), "--snapshot", temp.resolve("broken-default.json").toString());

        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("monitor ");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("--concurrency").contains("'many'");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void serviceWatchPrintsTicksAndEndsCleanlyOnCtrlC() throws Exception {
        Process process = start(List.of("--port", String.valueOf(mock.port()), "--service", "AuthService", "1",
                "--snapshot", temp.resolve("watch.json").toString()), null, null);
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        int ticks = 0;
        // Wait for two ticks however slow the machine is, then press Ctrl-C.
        for (String line = stdout.readLine(); line != null && ticks < 2; line = stdout.readLine()) {
            out.append(line).append('\n');
            ticks += line.startsWith("AuthService at ") ? 1 : 0;
        }
        assertThat(ticks).as("ticks printed").isEqualTo(2);
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("Ctrl-C is the normal end of a watch").isZero();
        assertThat(out).contains("10.58.1.3").doesNotContain("UserService");
    }

    private static Process start(List<String> args, String envName, String envValue) throws IOException {
        List<String> command = new ArrayList<>(MockServerProcess.artifactCommand());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (envName != null) {
            builder.environment().put(envName, envValue);
        }
        return builder.start();
    }
}
