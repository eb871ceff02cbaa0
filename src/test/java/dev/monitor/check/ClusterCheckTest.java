package dev.monitor.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.analysis.Outcome;
import dev.monitor.analysis.Report;
import dev.monitor.analysis.Unavailable;
import dev.monitor.analysis.Verdict;
import dev.monitor.console.StderrDiagnostics;
import dev.monitor.fetch.ReadRequest;
import dev.monitor.history.HistoryRepository;
import dev.monitor.history.PastFetch;
import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Snapshot;
import dev.monitor.snapshot.SnapshotRepository;
import dev.monitor.testing.MockClusterExtension;
import dev.monitor.testing.PlainFetch;
import dev.monitor.testing.TestThresholds;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One check, called as a bean (the command tests launch the whole command): the real reader over a real socket to
 * the mock, the real snapshot and history files in a temporary folder, and what it says on a real stderr writer.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@QuarkusTest
class ClusterCheckTest {

    /** Every figure 90%: no server healthy, every service below the minimum of 2. */
    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(30, 90);

    /** A port nothing listens on: the API cannot be read. */
    private static final URI UNREACHABLE = URI.create("http://127.0.0.1:1");

    @Inject
    ClusterCheck check;

    @Inject
    SnapshotRepository snapshots;

    @Inject
    HistoryRepository histories;

    @TempDir
    Path temp;

    private final StringWriter err = new StringWriter();

    private Path snapshotFile() {
        return temp.resolve("snapshot.json");
    }

    private Outcome run(URI endpoint, boolean refresh, int breachesFor, Verdict unreachableState) {
        ReadRequest read = new ReadRequest(endpoint, snapshotFile(), PlainFetch.settings(8, Duration.ofSeconds(2), 0),
                Duration.ofMinutes(10), Duration.ofHours(1), refresh);
        return check.run(new ClusterCheck.Request(read, TestThresholds.TYPICAL, breachesFor, unreachableState),
                new StderrDiagnostics(new PrintWriter(err), true));
    }

    private Report fresh(int breachesFor) {
        Outcome outcome = run(URI.create(mock.url()), true, breachesFor, Verdict.UNKNOWN);
        assertThat(outcome).as(err.toString()).isInstanceOf(Report.class);
        return (Report) outcome;
    }

    private List<PastFetch> history(URI endpoint) {
        return histories.read(histories.fileBeside(snapshotFile()), endpoint).fetches();
    }

    @Test
    void aFreshFetchIsJudgedAndAddedToTheHistoryBesideTheSnapshot() {
        Report report = fresh(1);

        assertThat(report.verdict()).isEqualTo(Verdict.CRITICAL);
        assertThat(snapshots.read(snapshotFile())).get().extracting(snapshot -> snapshot.servers().size())
                .isEqualTo(30);
        assertThat(history(URI.create(mock.url()))).singleElement().extracting(PastFetch::verdict)
                .isEqualTo(Verdict.CRITICAL);
    }

    @Test
    void aBreachIsCriticalOnlyOnceForFreshFetchesInARowFoundIt() {
        List<Report> reports = List.of(fresh(3), fresh(3), fresh(3));

        assertThat(reports).extracting(Report::verdict)
                .containsExactly(Verdict.WARNING, Verdict.WARNING, Verdict.CRITICAL);
        assertThat(reports.getFirst().summary()).contains("breach 1 of 3");
        assertThat(history(URI.create(mock.url()))).hasSize(3);
    }

    @Test
    void dataFromAYoungSnapshotIsJudgedAsItsFetchWasAndNotCountedAgain() {
        Report first = fresh(2);
        int requests = mock.cluster().requestCount();

        Outcome again = run(URI.create(mock.url()), false, 2, Verdict.UNKNOWN);

        assertThat(mock.cluster().requestCount()).as("the API was not asked").isEqualTo(requests);
        assertThat(again).isInstanceOfSatisfying(Report.class, report -> {
            assertThat(report.verdict()).isEqualTo(first.verdict()).isEqualTo(Verdict.WARNING);
            assertThat(report.summary()).contains("breach 1 of 2");
        });
        assertThat(history(URI.create(mock.url()))).hasSize(1);
    }

    @Test
    void anUnreachableApiWithNoSnapshotIsUnavailableWithTheUnreachableState() {
        Outcome outcome = run(UNREACHABLE, true, 1, Verdict.CRITICAL);

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class, unavailable -> {
            assertThat(unavailable.verdict()).isEqualTo(Verdict.CRITICAL);
            assertThat(unavailable.endpoint()).isEqualTo(UNREACHABLE);
            assertThat(unavailable.reason()).startsWith("cannot list servers at " + UNREACHABLE + "/servers");
        });
        assertThat(Files.exists(histories.fileBeside(snapshotFile()))).as("no fetch to record").isFalse();
    }

    @Test
    void anUnreachableApiLeavesARecentSnapshotToStandInMarkedStale() throws Exception {
        snapshots.write(snapshotFile(), new Snapshot(UNREACHABLE, Instant.now().minus(Duration.ofMinutes(30)),
                List.of(new Server.Measured("10.0.0.1", "AuthService", 10, 10),
                        new Server.Measured("10.0.0.2", "AuthService", 10, 10))));

        Outcome outcome = run(UNREACHABLE, true, 1, Verdict.CRITICAL);

        assertThat(outcome).isInstanceOfSatisfying(Report.class, report -> {
            assertThat(report.stale()).startsWith("cannot list servers at " + UNREACHABLE + "/servers");
            assertThat(report.verdict()).as("healthy, but not current").isEqualTo(Verdict.WARNING);
        });
    }

    @Test
    void anUnreadableHistoryIsSetAsideAndTheBreachJudgedAtOnce() throws Exception {
        Path history = histories.fileBeside(snapshotFile());
        Files.writeString(history, "{\"format\":\"monitor-history\",\"version\":1,\"endpoint\":");

        Report report = fresh(3);

        assertThat(report.verdict()).as("not held back on a history that cannot be counted")
                .isEqualTo(Verdict.CRITICAL);
        assertThat(err.toString()).contains("the verdict history " + history + " is unreadable")
                .contains("--for 3 needs the verdict history; this run is judged as with --for 1");
        assertThat(history.resolveSibling(history.getFileName() + ".unreadable")).exists();
        assertThat(history(URI.create(mock.url()))).as("a new history, from this fetch").hasSize(1);
    }
}
