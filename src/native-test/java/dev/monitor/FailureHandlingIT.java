package dev.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.monitor.history.HistoryRepository;
import dev.monitor.mock.MockCluster;
import dev.monitor.history.VerdictHistory;
import dev.monitor.snapshot.Snapshot;
import dev.monitor.snapshot.SnapshotRepository;
import dev.monitor.testing.ExpectedFleet;
import dev.monitor.testing.MockClusterExtension;

/**
 * The packaged artifact in its own process, against {@code monitor mock-server} in another, meeting what
 * only real processes meet: closed pipes, signals, a second run at the same time, an API that goes away.
 *
 * <p>
 * Each test has a folder of its own and reads its mocks without changing them (the one that counts requests has
 * {@code slow} to itself), so the tests run at once: most wait on a deadline, a tick or a signal.
 */
@Execution(ExecutionMode.CONCURRENT)
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FailureHandlingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static final ExpectedFleet LARGE = ExpectedFleet.seeded(2000, 7);

    @RegisterExtension
    static MockServerProcess large = new MockServerProcess("--servers", "2000", "--seed", "7");

    @RegisterExtension
    static MockServerProcess hanging = new MockServerProcess("--faults", "timeout", "--seed", "7");

    @RegisterExtension
    static MockServerProcess restartable = new MockServerProcess("--servers", "150");

    /** Holds every answer back 2 s and counts what it is asked, so a test can press Ctrl-C at a point it sees. */
    @RegisterExtension
    static MockClusterExtension slow = new MockClusterExtension(new MockCluster(150, Duration.ofSeconds(2), () -> 50));

    @RegisterExtension
    static MockServerProcess listless = new MockServerProcess("--faults", "servers-500");

    @TempDir
    Path temp;

    private final SnapshotRepository repository = new SnapshotRepository(Optional.empty());

    private Path snapshotFile() {
        return temp.resolve("snapshot.json");
    }

    @Test
    void printServersIntoAPipeClosedEarlyEndsQuietly() throws Exception {
        MonitorProcess monitor = MonitorProcess.startForPipe(List.of("--port", String.valueOf(large.port()),
                "--printservers", "--snapshot", snapshotFile().toString()));
        // As `monitor --printservers | head -3`: read three lines, then hang up while it still writes.
        BufferedReader stdout = new BufferedReader(
                new InputStreamReader(monitor.process().getInputStream(), StandardCharsets.UTF_8));
        for (int i = 0; i < 3; i++) {
            assertThat(stdout.readLine()).isNotNull();
        }
        stdout.close();

        int exit = monitor.exitCode(PATIENCE);

        assertThat(exit).as("the verdict's code, whatever became of stdout").isEqualTo(LARGE.exitCode());
        assertThat(monitor.err()).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContainIgnoringCase("broken pipe").doesNotContainIgnoringCase("closed");
    }

    @Test
    void aWatchTickWithoutDataReportsTheUnreachableStateToAMachineReader() throws Exception {
        MonitorProcess watch = MonitorProcess.start(List.of("--port", String.valueOf(listless.port()), "--watch", "1",
                "-o", "json", "--unreachable-state", "critical", "--retries", "0", "--snapshot",
                snapshotFile().toString()));
        try {
            assertThat(watch.awaitOut(0, line -> line.contains("\"verdict\":\"CRITICAL\""), PATIENCE))
                    .as(watch.err()).isTrue();
        } finally {
            watch.signal("INT");
        }

        assertThat(watch.exitCode(PATIENCE)).as("Ctrl-C is the normal end of a watch").isZero();
        String tick = watch.out().lines().findFirst().orElseThrow();
        assertThat(tick).as("one NDJSON line per tick").contains("\"exitCode\":2", "cannot list servers", "HTTP 500");
        assertThat(watch.err()).contains("trying again in 1s");
    }

    @ParameterizedTest
    @ValueSource(strings = { "TERM", "INT" })
    void aSignalDuringAFetchExits130AndLeavesTheLastGoodSnapshot(String signal) throws Exception {
        List<String> base = List.of("--port", String.valueOf(hanging.port()), "--snapshot",
                snapshotFile().toString(), "--printservers");
        MonitorProcess first = MonitorProcess.start(concat(base, "--timeout", "3s", "--retries", "0"));
        assertThat(first.exitCode(PATIENCE)).as("three servers never answer: " + first.err()).isEqualTo(1);
        byte[] good = Files.readAllBytes(snapshotFile());

        MonitorProcess interrupted = MonitorProcess.start(concat(base, "--refresh", "--timeout", "10m", "--verbose"));
        assertThat(interrupted.awaitErr(0, line -> line.contains("fetching"), PATIENCE)).isTrue();
        interrupted.signal(signal);

        assertThat(interrupted.exitCode(PATIENCE)).isEqualTo(130);
        assertThat(interrupted.err()).contains("monitor: interrupted").doesNotContain("\tat ");
        assertThat(interrupted.out()).isEmpty();
        assertThat(Files.readAllBytes(snapshotFile())).as("the snapshot, byte for byte").isEqualTo(good);
    }

    @Test
    void ctrlCAtAnyPointOfAFetchSaysOneLineAndNothingOfTheShutdown() throws Exception {
        List<String> args = List.of("--url", slow.url(), "--snapshot", snapshotFile().toString(), "--refresh",
                "--verbose", "--concurrency", "100");
        // Pressed once the mock has seen this many requests of the run, each answer taking 2 s: /servers, so while
        // the list is awaited; the first server, while the first hundred are; the 101st, while the last fifty are.
        for (int seen : new int[] { 1, 2, 102 }) {
            int requests = slow.cluster().requestCount();
            MonitorProcess monitor = MonitorProcess.start(args);
            Awaitility.await("the mock seeing " + seen + " requests").atMost(PATIENCE)
                    .until(() -> slow.cluster().requestCount() - requests >= seen || !monitor.process().isAlive());
            assertThat(monitor.process().isAlive()).as(monitor.err()).isTrue();
            int before = monitor.errLines();
            // Twice, as timeout(1) sends it: to the process, then to its process group.
            monitor.signal("INT");
            monitor.signal("INT");

            assertThat(monitor.exitCode(PATIENCE)).as(monitor.err()).isEqualTo(130);
            assertThat(monitor.err().lines().skip(before)).as("after " + seen + " requests: " + monitor.err())
                    .containsExactly("monitor: interrupted");
        }
    }

    @Test
    void twoRunsAtOnceAgainstTheSameSnapshotLeaveAWholeOneAndAWholeHistory() throws Exception {
        List<String> args = List.of("--port", String.valueOf(large.port()), "--snapshot", snapshotFile().toString(),
                "--refresh", "--avg");
        // Two rounds: in the first both runs make the files, in the second both replace them. Many writers at once,
        // over and over, are SnapshotSafetyTest's; here they are two processes, each with its history too.
        for (int round = 0; round < 2; round++) {
            MonitorProcess one = MonitorProcess.start(args);
            MonitorProcess two = MonitorProcess.start(args);

            assertThat(one.exitCode(PATIENCE)).as(one.err()).isEqualTo(LARGE.exitCode());
            assertThat(two.exitCode(PATIENCE)).as(two.err()).isEqualTo(LARGE.exitCode());
            assertThat(one.err() + two.err()).doesNotContain("unreadable").doesNotContain("could not save");
            Snapshot snapshot = repository.read(snapshotFile()).orElseThrow();
            assertThat(snapshot.servers()).hasSize(2000);
        }
        Path historyFile = temp.resolve("snapshot.history.json");
        VerdictHistory history = new HistoryRepository().read(historyFile,
                URI.create("http://localhost:" + large.port()));
        assertThat(history.fetches()).as("each round adds one fetch or, the last writer winning, two")
                .hasSizeBetween(2, 4);
        try (var files = Files.list(temp)) {
            assertThat(files).as("no temporary file left behind")
                    .containsExactlyInAnyOrder(snapshotFile(), historyFile);
        }
    }

    @Test
    void serviceWatchSurvivesTheApiGoingAwayAndComingBack() throws Exception {
        int port = restartable.port();
        MonitorProcess watch = MonitorProcess.start(List.of("--port", String.valueOf(port), "--service",
                "AuthService", "1", "--timeout", "1s", "--retries", "0", "--snapshot", snapshotFile().toString()));
        assertThat(watch.awaitOut(0, line -> line.startsWith("AuthService at "), PATIENCE)).as(watch.err()).isTrue();

        restartable.stop();
        assertThat(watch.awaitErr(0, line -> line.contains("no server of AuthService answered (connection refused)"),
                PATIENCE)).as(watch.err()).isTrue();
        assertThat(watch.process().isAlive()).isTrue();

        int before = watch.outLines();
        restartable.start(port);
        assertThat(watch.awaitOut(before, line -> line.matches("\\s*10\\.58\\.\\S+\\s+(Healthy|Unhealthy)\\s.*"),
                PATIENCE)).as("a tick with figures again").isTrue();

        watch.signal("INT");
        assertThat(watch.exitCode(PATIENCE)).as("Ctrl-C is the normal end of a watch").isZero();
        assertThat(watch.err()).doesNotContain("\tat ");
    }

    private static List<String> concat(List<String> base, String... more) {
        return java.util.stream.Stream.concat(base.stream(), java.util.Arrays.stream(more)).toList();
    }
}
