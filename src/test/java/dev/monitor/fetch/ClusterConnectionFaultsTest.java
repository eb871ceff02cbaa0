package dev.monitor.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import dev.monitor.mock.Fault;
import dev.monitor.mock.FaultPlan;
import dev.monitor.mock.MockCluster;
import dev.monitor.mock.MockFleet;
import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Snapshot;
import dev.monitor.testing.HostileServer;
import dev.monitor.testing.Misbehaviour;
import dev.monitor.testing.MockClusterExtension;
import dev.monitor.testing.PlainFetch;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/**
 * Every fault of the cluster API, met over a real socket by the real client: a bad server becomes one
 * UNKNOWN server with its reason, never a failed run; a bad server list becomes one clear reason.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@QuarkusTest
class ClusterConnectionFaultsTest {

    private static final FetchSettings SETTINGS = PlainFetch.settings(16, Duration.ofSeconds(2), 1);
    /** No retry: where retries are not the question, a hung server waits out one deadline, not two. */
    private static final FetchSettings ONCE = PlainFetch.settings(16, Duration.ofSeconds(2), 0);

    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(60, 50,
            "500,404,timeout,trickle,reset,garbage,missing,badvalue,escape,huge,traversal,duplicate");

    @Inject
    ClusterReader reader;

    @Inject
    Vertx vertx;

    /**
     * The fetch that the tests of each server's reason share: each server tried once, the first hung one known from
     * before as AuthService's. It waits out the hung servers' whole deadline, once rather than once a test.
     */
    private static Snapshot triedOnce;

    private Snapshot triedOnce() {
        if (triedOnce == null) {
            String hung = mock.cluster().faults().hits(Fault.TIMEOUT).getFirst();
            triedOnce = fetch(ONCE, ip -> ip.equals(hung) ? "AuthService" : null);
        }
        return triedOnce;
    }

    private Snapshot fetch(FetchSettings settings, Function<String, String> knownService) {
        try (ClusterConnection connection = reader.connect(URI.create(mock.url()), settings)) {
            return connection.snapshot(knownService, FetchProgress.NONE).await().atMost(Duration.ofMinutes(1));
        }
    }

    private static Map<String, Server> byIp(Snapshot snapshot) {
        return snapshot.servers().stream().collect(Collectors.toMap(Server::ip, s -> s));
    }

    private static String reason(Map<String, Server> servers, String ip) {
        assertThat(servers.get(ip)).as(ip).isInstanceOf(Server.Unknown.class);
        return ((Server.Unknown) servers.get(ip)).reason();
    }

    @Test
    void eachFaultOfAServerBecomesAnUnknownServerWithItsReason() {
        FaultPlan faults = mock.cluster().faults();
        Map<String, Server> servers = byIp(triedOnce());

        assertThat(faults.hits(Fault.HTTP_500)).allSatisfy(ip -> assertThat(reason(servers, ip)).isEqualTo("HTTP 500"));
        assertThat(faults.hits(Fault.HTTP_404)).allSatisfy(ip -> assertThat(reason(servers, ip)).isEqualTo("HTTP 404"));
        assertThat(faults.hits(Fault.TIMEOUT)).allSatisfy(ip -> assertThat(reason(servers, ip)).isEqualTo("timed out after 2s"));
        assertThat(faults.hits(Fault.TRICKLE)).as("the deadline is total, not idle")
                .allSatisfy(ip -> assertThat(reason(servers, ip)).isEqualTo("timed out after 2s"));
        assertThat(faults.hits(Fault.RESET)).allSatisfy(ip -> assertThat(reason(servers, ip)).isEqualTo("connection reset"));
        assertThat(faults.hits(Fault.GARBAGE)).allSatisfy(ip -> assertThat(reason(servers, ip))
                .isEqualTo("malformed JSON: Unexpected character ('<' (code 60))"));
        assertThat(faults.hits(Fault.MISSING)).allSatisfy(ip -> assertThat(reason(servers, ip)).isEqualTo("missing field memory"));
        assertThat(faults.hits(Fault.BAD_VALUE).stream().map(ip -> reason(servers, ip))).containsExactly(
                "cpu \"abc%\" is not a percentage like 61%", "cpu 250% is outside 0-100",
                "cpu \"-5%\" is not a percentage like 61%");
        assertThat(faults.hits(Fault.HUGE)).allSatisfy(ip -> assertThat(reason(servers, ip)).isEqualTo("answer larger than 64 KiB"));
        assertThat(faults.hits(Fault.ESCAPE)).allSatisfy(ip -> assertThat(servers.get(ip).service())
                .isEqualTo("\\x1b]0;owned\\x07\\x1b[2J" + MockFleet.serviceOf(ip)));
        assertThat(servers.values().stream().filter(Server.Measured.class::isInstance))
                .as("every server no fault hits, and the escape ones")
                .hasSize(60 - 10 * FaultPlan.DEFAULT_HITS + faults.hits(Fault.ESCAPE).size());
    }

    @Test
    void entriesThatAreNotAddressesAreReportedAndNeverRequested() {
        Map<String, Server> servers = byIp(triedOnce());

        assertThat(reason(servers, "../admin")).isEqualTo("not an IP address, not requested");
        assertThat(reason(servers, "10.58.1.1/../../admin")).isEqualTo("not an IP address, not requested");
        assertThat(reason(servers, "localhost")).isEqualTo("not an IP address, not requested");
        assertThat(reason(servers, "\"\"")).isEqualTo("not an IP address, not requested");
        assertThat(servers).containsKey("\\x1b[2J10.0.0.1");
        assertThat(mock.cluster().strayPaths()).as("paths outside the contract requested").isEmpty();
    }

    @Test
    void serverErrorsAndTimeoutsAreRetriedButClientErrorsAndDuplicatesAreNot() {
        MockCluster cluster = mock.cluster();
        FaultPlan faults = cluster.faults();
        int before500 = cluster.requestCount("/" + faults.hits(Fault.HTTP_500).getLast());
        int before404 = cluster.requestCount("/" + faults.hits(Fault.HTTP_404).getFirst());
        int beforeGarbage = cluster.requestCount("/" + faults.hits(Fault.GARBAGE).getFirst());
        List<Fault> failuresRetried = List.of(Fault.TIMEOUT, Fault.TRICKLE, Fault.RESET);
        Map<String, Integer> before = failuresRetried.stream().flatMap(fault -> faults.hits(fault).stream())
                .collect(Collectors.toMap(ip -> ip, ip -> cluster.requestCount("/" + ip)));

        Snapshot snapshot = fetch(SETTINGS, ip -> null);

        assertThat(before).as("every server that timed out, trickled past its deadline or reset the connection")
                .hasSize(3 * FaultPlan.DEFAULT_HITS).allSatisfy((ip, count) -> assertThat(
                        cluster.requestCount("/" + ip) - count).as(ip + ": tried once plus one retry").isEqualTo(2));
        assertThat(cluster.requestCount("/" + faults.hits(Fault.HTTP_500).getLast()) - before500)
                .as("listed twice, tried once plus one retry").isEqualTo(2);
        assertThat(cluster.requestCount("/" + faults.hits(Fault.HTTP_404).getFirst()) - before404).isEqualTo(1);
        assertThat(cluster.requestCount("/" + faults.hits(Fault.GARBAGE).getFirst()) - beforeGarbage).isEqualTo(1);
        assertThat(snapshot.servers().stream().map(Server::ip)).doesNotHaveDuplicates();
    }

    @Test
    void aFailedServerKeepsTheServiceItHadBefore() {
        String hung = mock.cluster().faults().hits(Fault.TIMEOUT).getFirst();

        Map<String, Server> servers = byIp(triedOnce());

        assertThat(servers.get(hung)).isEqualTo(new Server.Unknown(hung, "AuthService", "timed out after 2s"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "empty           | the cluster lists no servers",
            "servers-500     | HTTP 500",
            "servers-hang    | timed out after 2s",
            "servers-garbage | malformed JSON: Unexpected character ('<' (code 60))",
            "servers-huge    | answer larger than 64 MiB" })
    void anUnusableServerListIsOneClearReason(String fault, String reason) {
        // Reading 64 MiB can take longer than 2 s on a busy machine: there the cap, never the clock, must end it.
        FetchSettings settings = fault.equals("servers-huge") ? PlainFetch.settings(16, Duration.ofMinutes(1), 1)
                : ONCE;
        against(fault, settings, (endpoint, connection) -> assertThatThrownBy(
                () -> connection.serverList().await().atMost(Duration.ofMinutes(1)))
                .isInstanceOf(ClusterUnavailableException.class)
                .hasMessage("cannot list servers at " + endpoint + "/servers: " + reason));
    }

    @Test
    void whenNoServerAnswersTheApiIsUnavailableRatherThanEveryServerUnknown() {
        against("reset:10", (endpoint, connection) -> assertThatThrownBy(
                () -> connection.snapshot(ip -> null, FetchProgress.NONE).await().atMost(Duration.ofMinutes(1)))
                .isInstanceOf(ClusterUnavailableException.class)
                .hasMessage("no server listed at " + endpoint + "/servers answered: connection reset (10 of 10)"));
    }

    @Test
    void serversThatAllAnswerWithoutUsableFiguresGiveNoDataRatherThanEveryServerUnknown() {
        against("garbage:10", (endpoint, connection) -> assertThatThrownBy(
                () -> connection.snapshot(ip -> null, FetchProgress.NONE).await().atMost(Duration.ofMinutes(1)))
                .isInstanceOf(ClusterUnavailableException.class)
                .hasMessage("no server listed at " + endpoint + "/servers gave usable figures: malformed JSON: "
                        + "Unexpected character ('<' (code 60)) (10 of 10)"));
        against("404:10", (endpoint, connection) -> assertThatThrownBy(
                () -> connection.snapshot(ip -> null, FetchProgress.NONE).await().atMost(Duration.ofMinutes(1)))
                .hasMessage("no server listed at " + endpoint + "/servers gave usable figures: HTTP 404 (10 of 10)"));
    }

    @Test
    void withoutUsableFiguresTheCommonestThreeReasonsAreSaidAndTheRestCounted() {
        against("404:4,garbage:3,missing:2,badvalue:1", (endpoint, connection) -> assertThatThrownBy(
                () -> connection.snapshot(ip -> null, FetchProgress.NONE).await().atMost(Duration.ofMinutes(1)))
                .hasMessage("no server listed at " + endpoint + "/servers gave usable figures: HTTP 404 (4 of 10), "
                        + "malformed JSON: Unexpected character ('<' (code 60)) (3 of 10), missing field memory "
                        + "(2 of 10), 1 other reason (1 of 10)"));
    }

    @Test
    void oneServerWithFiguresAmongOthersThatFailIsData() {
        against("404:4,garbage:5", (endpoint, connection) -> assertThat(
                connection.snapshot(ip -> null, FetchProgress.NONE).await().atMost(Duration.ofMinutes(1)).servers())
                .hasSize(10).filteredOn(Server.Measured.class::isInstance).hasSize(1));
    }

    /**
     * An answer that ends at its head by HTTP's rules (a 204, a 304, a 1xx) whatever its headers announce: a server
     * that sends the body they announce anyway leaves it on the connection, where the next request on it would read
     * it as its own answer. Such a connection is closed after its answer, never handed to the next request.
     */
    @ParameterizedTest
    @EnumSource(names = { "NO_CONTENT_WITH_BODY", "NOT_MODIFIED_WITH_BODY", "INFORMATIONAL_WITH_BODY" })
    void aConnectionWhoseAnswerWasNotA200NeverCarriesTheNextRequest(Misbehaviour misbehaviour) throws IOException {
        // The body comes long after the head, and one request at a time with no retry: had the good server's
        // request gone out on the hostile server's connection, that late body would have been its only answer.
        try (HostileServer hostile = new HostileServer(Duration.ofMillis(500)).start()) {
            hostile.onDetails(misbehaviour);
            try (ClusterConnection connection = reader.connect(URI.create(hostile.url()),
                    PlainFetch.settings(1, Duration.ofSeconds(5), 0))) {
                List<Server> servers = connection.servers(List.of(HostileServer.HOSTILE, HostileServer.GOOD),
                        ip -> null).await().atMost(Duration.ofMinutes(1));

                assertThat(servers).as("the good server, asked right after the hostile one answered")
                        .contains(new Server.Measured(HostileServer.GOOD, "AuthService", 10, 20));
            }
        }
    }

    /** Runs {@code check} against a mock of its own: a fleet of 10 with these faults. */
    private void against(String faults, BiConsumer<URI, ClusterConnection> check) {
        against(faults, SETTINGS, check);
    }

    private void against(String faults, FetchSettings settings, BiConsumer<URI, ClusterConnection> check) {
        MockFleet fleet = new MockFleet(10);
        MockCluster cluster = new MockCluster(fleet, Duration.ZERO, () -> 50, FaultPlan.parse(faults, fleet));
        int port = cluster.start(vertx, "127.0.0.1", 0).toCompletionStage().toCompletableFuture().join();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        try (ClusterConnection connection = reader.connect(endpoint, settings)) {
            check.accept(endpoint, connection);
        } finally {
            cluster.stop().toCompletionStage().toCompletableFuture().join();
        }
    }
}
