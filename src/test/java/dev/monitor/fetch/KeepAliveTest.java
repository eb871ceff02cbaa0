package dev.monitor.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.cli.CommandRuns;
import dev.monitor.mock.Fault;
import dev.monitor.mock.FaultPlan;
import dev.monitor.mock.MockCluster;
import dev.monitor.mock.MockFleet;
import dev.monitor.testing.ExpectedFleet;
import dev.monitor.testing.MockClusterExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * Connections are kept alive: the guard against a fetch that opens a connection (and, over TLS, a handshake)
 * per request, and proof that a kept connection the other end closed costs a retry, not a server, and that a
 * connection whose read was given up is closed rather than kept busy.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@QuarkusTest
class KeepAliveTest {

    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(new MockCluster(400, Duration.ofMillis(5), () -> 50));

    @RegisterExtension
    static MockClusterExtension dropping = new MockClusterExtension(dropsReusedConnections(new MockFleet(20)));

    @RegisterExtension
    static MockClusterExtension droppingWithoutRetries = new MockClusterExtension(
            dropsReusedConnections(new MockFleet(20)));

    @RegisterExtension
    static MockClusterExtension droppingFleet = new MockClusterExtension(dropsReusedConnections(new MockFleet(150)));

    @RegisterExtension
    static MockClusterExtension trickling = new MockClusterExtension(trickles(new MockFleet(40), 8));

    /** Every figure 50%, so every server that answers is healthy and each run's exit code is certain. */
    private static MockCluster trickles(MockFleet fleet, int servers) {
        return new MockCluster(fleet, Duration.ZERO, () -> 50, FaultPlan.of(Map.of(Fault.TRICKLE, servers), fleet));
    }

    private static MockCluster dropsReusedConnections(MockFleet fleet) {
        return new MockCluster(fleet, Duration.ZERO, () -> 50, FaultPlan.of(Map.of(Fault.DROP_REUSED, 1), fleet));
    }

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    @Test
    void fourHundredServersAtConcurrencyEightReuseAboutEightConnections() {
        LaunchResult result = launcher.launch("--port", String.valueOf(mock.port()), "--concurrency", "8",
                "--refresh", "--snapshot", temp.resolve("snapshot.json").toString());

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(mock.cluster().requestCount()).as("the list, then each server once").isEqualTo(401);
        // The pool holds --concurrency connections; the list's request may take one more before the fan-out.
        assertThat(mock.cluster().connectionCount()).as("connections opened for 401 requests")
                .isBetween(1, 9);
    }

    @Test
    void aKeptConnectionClosedByTheOtherEndIsRetriedOnANewOne() {
        // At concurrency 1 every request after the first goes out on the one kept connection, which the mock
        // then closes unanswered: each server's first try fails, and its retry opens a new connection.
        LaunchResult result = launcher.launch("--port", String.valueOf(dropping.port()), "--concurrency", "1",
                "--refresh", "--printservers", "--snapshot", temp.resolve("snapshot.json").toString());

        assertThat(result.exitCode()).as(result.getErrorOutput()).isEqualTo(ExpectedFleet.allAt(20, 50).exitCode());
        assertThat(result.getOutput()).doesNotContain("UNKNOWN");
        assertThat(dropping.cluster().connectionCount()).as("a new connection for each server's retry")
                .isEqualTo(21);
    }

    @Test
    void withoutRetriesAKeptConnectionClosedUnansweredIsStillSentAgainOnANewOne() {
        // --retries 0 forbids asking a server again after it failed; a request the server never saw is not that.
        LaunchResult result = launcher.launch("--port", String.valueOf(droppingWithoutRetries.port()),
                "--concurrency", "1", "--retries", "0", "--refresh", "--printservers", "--snapshot",
                temp.resolve("snapshot.json").toString());

        assertThat(result.exitCode()).as(result.getErrorOutput()).isEqualTo(ExpectedFleet.allAt(20, 50).exitCode());
        assertThat(result.getOutput()).doesNotContain("UNKNOWN");
        assertThat(droppingWithoutRetries.cluster().connectionCount())
                .as("a new connection for each server's second sending").isEqualTo(21);
    }

    @Test
    void withTheDefaultRetriesEveryServerBehindAConnectionClosingProxyIsFetched() {
        // At the default concurrency the pool holds several kept connections, each closed by the mock when it
        // brings a second request: a retry taken from the pool would meet another of them.
        LaunchResult result = launcher.launch("--port", String.valueOf(droppingFleet.port()), "--refresh",
                "--printservers", "--snapshot", temp.resolve("snapshot.json").toString());

        assertThat(result.exitCode()).as(result.getErrorOutput()).isEqualTo(ExpectedFleet.allAt(150, 50).exitCode());
        assertThat(result.getOutput()).doesNotContain("UNKNOWN");
        assertThat(result.getErrorOutput()).doesNotContain("UNKNOWN");
    }

    @Test
    void aReadGivenUpClosesItsConnectionSoTricklingServersCannotHoldThePool() {
        // As many trickling servers as connections: had their connections stayed busy after their deadline
        // (the server sends a byte a second for over a minute), every other server would have waited in vain.
        // A timeout long enough for a busy machine to fetch every other server, far shorter than a trickle's minute.
        LaunchResult result = launcher.launch("--port", String.valueOf(trickling.port()), "--concurrency", "8",
                "--timeout", "3s", "--retries", "0", "--refresh", "--printservers",
                "--snapshot", temp.resolve("snapshot.json").toString());

        assertThat(result.getOutput().lines().filter(line -> line.contains("UNKNOWN")))
                .as("only the trickling servers are UNKNOWN").hasSize(8)
                .allSatisfy(line -> assertThat(line).contains("timed out after 3s"));
    }
}
