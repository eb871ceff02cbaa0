package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.monitor.mock.MockFleet;
import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Snapshot;
import dev.monitor.snapshot.SnapshotRepository;
import dev.monitor.testing.MockClusterExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * Saved times ahead of the clock, after clock skew or an edited file: the snapshot and the verdict history as the
 * real command treats them, against the mock over a real socket. Neither may keep old data fresh, nor hold a
 * breach back.
 */
@QuarkusTest
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ClockSkewCommandTest {

    /** Every figure 50%: every server healthy, OK. */
    @RegisterExtension
    static MockClusterExtension healthy = new MockClusterExtension(30, 50);

    /** Every figure 90%: no server healthy, every service below its minimum of 2. */
    @RegisterExtension
    static MockClusterExtension down = new MockClusterExtension(30, 90);

    /** The API itself failing: /servers answers 500. */
    @RegisterExtension
    static MockClusterExtension unreachable = new MockClusterExtension(30, 50, "servers-500");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    private final SnapshotRepository repository = new SnapshotRepository(Optional.empty());

    private Path snapshotFile() {
        return temp.resolve("cluster.json");
    }

    private Path historyFile() {
        return temp.resolve("cluster.history.json");
    }

    private LaunchResult run(MockClusterExtension mock, String... args) {
        List<String> all = new ArrayList<>(List.of("--port", String.valueOf(mock.port()), "--snapshot",
                snapshotFile().toString(), "--retries", "0"));
        all.addAll(Arrays.asList(args));
        return launcher.launch(all.toArray(String[]::new));
    }

    private static URI endpoint(MockClusterExtension mock) {
        return URI.create("http://localhost:" + mock.port());
    }

    /** A snapshot of the mock's servers, every one at the given figures, dated as given. */
    private void saveSnapshot(MockClusterExtension mock, Instant fetchedAt, int figures) throws IOException {
        List<Server> servers = mock.cluster().fleet().addresses().stream()
                .<Server> map(ip -> new Server.Measured(ip, MockFleet.serviceOf(ip), figures, figures)).toList();
        repository.write(snapshotFile(), new Snapshot(endpoint(mock), fetchedAt, servers));
    }

    @Test
    void aSnapshotDatedMoreThanAMinuteAheadOfTheClockIsFetchedAfreshWithOneWarning()
            throws IOException {
        saveSnapshot(healthy, Instant.now().plusSeconds(30), 99);
        int requests = healthy.cluster().requestCount();

        LaunchResult withinSkew = run(healthy);

        assertThat(withinSkew.exitCode()).as("less than a minute ahead: the snapshot's 99%, CRITICAL").isEqualTo(2);
        assertThat(healthy.cluster().requestCount()).as("nothing fetched").isEqualTo(requests);
        assertThat(withinSkew.getErrorOutput()).doesNotContain("warning");

        Instant ahead = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        saveSnapshot(healthy, ahead, 99);

        LaunchResult result = run(healthy);

        assertThat(result.exitCode()).as("the fresh data, not the snapshot's 99%").isZero();
        assertThat(healthy.cluster().requestCount()).as("requests").isGreaterThan(requests);
        assertThat(result.getErrorStream()).singleElement().asString().startsWith("monitor: warning: the snapshot "
                + snapshotFile() + " is dated " + ahead + ", ahead of this machine's clock (")
                .endsWith("); it is not used, fetching afresh");
        assertThat(repository.read(snapshotFile()).orElseThrow().fetchedAt()).as("replaced by the fresh fetch")
                .isBefore(Instant.now());
    }

    @Test
    void aSnapshotDatedAheadNeverStandsInForAnApiThatCannotBeRead() throws IOException {
        Instant ahead = Instant.now().plus(Duration.ofDays(365));
        saveSnapshot(unreachable, ahead, 10);

        LaunchResult young = run(unreachable);
        LaunchResult refreshed = run(unreachable, "--refresh", "--unreachable-state", "critical");

        assertThat(young.exitCode()).as("no data: UNKNOWN, not the snapshot's OK").isEqualTo(3);
        assertThat(young.getErrorStream()).hasSize(2).last().asString()
                .startsWith("monitor: UNKNOWN: cannot list servers at ").contains("HTTP 500");
        assertThat(refreshed.exitCode()).as("--unreachable-state, not stale data").isEqualTo(2);
        assertThat(refreshed.getOutput()).doesNotContain("Stale");
        assertThat(repository.read(snapshotFile()).orElseThrow().fetchedAt()).as("the file is left as it was")
                .isEqualTo(ahead);
    }

    /** A history of the mock's endpoint: per fetch its time, and every service of the fleet CRITICAL in it. */
    private void saveHistory(MockClusterExtension mock, Instant... critical) throws IOException {
        String services = mock.cluster().fleet().addresses().stream().map(MockFleet::serviceOf).distinct()
                .map(service -> "\"" + service + "\":{\"state\":\"CRITICAL\",\"healthy\":0,\"servers\":3}")
                .collect(Collectors.joining(",", "{", "}"));
        String fetches = Arrays.stream(critical)
                .map(at -> "{\"at\":\"" + at + "\",\"verdict\":\"CRITICAL\",\"services\":" + services + "}")
                .collect(Collectors.joining(","));
        Files.writeString(historyFile(), "{\"format\":\"monitor-history\",\"version\":1,\"endpoint\":\""
                + endpoint(mock) + "\",\"fetches\":[" + fetches + "]}");
    }

    private List<JsonNode> fetches() throws IOException {
        List<JsonNode> fetches = new ArrayList<>();
        JSON.readTree(historyFile().toFile()).get("fetches").forEach(fetches::add);
        return fetches;
    }

    @Test
    void aHistoryWithAFetchDatedAheadIsSetAsideAndTheRunJudgedAtOnce()
            throws IOException {
        // Two breaches before this fetch, the second dated a day ahead: left out, it would hold this third back.
        Instant ahead = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        saveHistory(down, Instant.now().minusSeconds(120), ahead);
        String before = Files.readString(historyFile());

        LaunchResult result = run(down, "--for", "3");

        assertThat(result.exitCode()).as("no breach held back").isEqualTo(2);
        assertThat(result.getErrorOutput()).doesNotContain("breach");
        Path aside = temp.resolve("cluster.history.json.unreadable");
        assertThat(result.getErrorStream()).filteredOn(line -> line.startsWith("monitor: warning:")).satisfiesExactly(
                line -> assertThat(line).startsWith("monitor: warning: the verdict history " + historyFile()
                        + " holds a fetch dated " + ahead + ", ahead of this machine's clock (")
                        .endsWith("); going on without it"),
                line -> assertThat(line).isEqualTo("monitor: warning: the old verdict history is kept as " + aside
                        + "; a new one starts with this fetch"),
                line -> assertThat(line).isEqualTo("monitor: warning: --for 3 needs the verdict history; "
                        + "this run is judged as with --for 1"));
        assertThat(Files.readString(aside)).as("what it held, kept").isEqualTo(before);
        assertThat(fetches()).as("a new history, of this fetch").hasSize(1);
        assertThat(run(down, "--for", "3", "--refresh").getErrorOutput()).as("the next run counts again")
                .contains("breach 2 of 3").doesNotContain("warning");
    }

    @Test
    void aFetchInTheHistoryAheadByLessThanAMinuteCountsTowardsTheBreach()
            throws IOException {
        // The clock was set back by 30 seconds after the last fetch: it still came before this one.
        saveHistory(down, Instant.now().minusSeconds(60), Instant.now().plusSeconds(30));

        LaunchResult result = run(down, "--for", "3");

        assertThat(result.exitCode()).as("the third breach in a row").isEqualTo(2);
        assertThat(result.getErrorOutput()).doesNotContain("warning").doesNotContain("breach");
        assertThat(fetches()).hasSize(3);
    }
}
