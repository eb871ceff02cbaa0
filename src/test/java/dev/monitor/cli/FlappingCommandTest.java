package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.monitor.mock.MockCluster;
import dev.monitor.testing.Launches;
import dev.monitor.testing.MockClusterExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.vertx.core.Vertx;

/**
 * {@code --for N} and {@code --history}, run after run against the real mock, whose every figure the test sets:
 * at 50% every server is healthy; at 90% none is, so each of the ten services is below its minimum of 2.
 */
@QuarkusTest
class FlappingCommandTest {

    private static final int HEALTHY = 50;
    private static final int DOWN = 90;
    private static final AtomicInteger FIGURES = new AtomicInteger(HEALTHY);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(new MockCluster(150, Duration.ZERO, FIGURES::get));

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    private Path snapshot;
    private Path history;

    @BeforeEach
    void files() {
        snapshot = temp.resolve("cluster.json");
        history = temp.resolve("cluster.history.json");
    }

    private LaunchResult run(String... args) {
        return Launches.launch(launcher, List.of("--snapshot", snapshot.toString(), "--port",
                String.valueOf(mock.port())), args);
    }

    /** A run that fetches afresh (--max-age 0), with the cluster's figures at the given percentage. */
    private LaunchResult fetch(int figures, String... args) {
        FIGURES.set(figures);
        List<String> all = new ArrayList<>(List.of("--max-age", "0"));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    @Test
    void aServiceBelowItsMinimumIsCriticalOnlyAfterNFreshFetchesInARow() {
        LaunchResult first = fetch(DOWN, "--for", "3");
        LaunchResult second = fetch(DOWN, "--for", "3");
        LaunchResult third = fetch(DOWN, "--for", "3");

        assertThat(first.exitCode()).isEqualTo(1);
        assertThat(first.getErrorOutput()).startsWith("monitor: WARNING: 10 of 10 services below 2 healthy, "
                + "breach 1 of 3: AuthService 0/");
        assertThat(first.getOutput()).contains("AuthService         WARNING (breach 1 of 3)");
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.getErrorOutput()).contains("10 of 10 services below 2 healthy, breach 2 of 3: ");
        assertThat(third.exitCode()).isEqualTo(2);
        assertThat(third.getErrorOutput()).startsWith("monitor: CRITICAL: 10 of 10 services below 2 healthy: ")
                .doesNotContain("breach");
        assertThat(third.getOutput()).contains("CRITICAL").doesNotContain("WARNING");
    }

    @Test
    void withoutForABreachIsCriticalAtOnce() {
        LaunchResult result = fetch(DOWN);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).doesNotContain("breach");
    }

    @Test
    void anExpectedServiceHeldBackStillSaysItIsMissing() {
        LaunchResult table = fetch(HEALTHY, "--for", "3", "--expect-service", "NoSuchService");
        LaunchResult nagios = fetch(HEALTHY, "--for", "3", "--expect-service", "NoSuchService",
                "-o", "nagios");

        assertThat(table.exitCode()).isEqualTo(1);
        assertThat(table.getOutputStream()).filteredOn(line -> line.startsWith(" NoSuchService "))
                .singleElement().asString().contains(" WARNING (missing, breach 1 of 3) ");
        assertThat(table.getErrorOutput())
                .contains("NoSuchService: expected, but the cluster lists no server of it, breach 1 of 3");
        assertThat(nagios.getOutput()).contains("WARNING: NoSuchService is expected but has no servers, breach 2 of 3");
    }

    @Test
    void aRunServedFromTheSnapshotDoesNotCount() throws IOException {
        assertThat(fetch(DOWN, "--for", "2").exitCode()).isEqualTo(1);

        LaunchResult cached = run("--for", "2");

        assertThat(cached.exitCode()).as("judged as the fetch that made the snapshot").isEqualTo(1);
        assertThat(cached.getErrorOutput()).contains("breach 1 of 2: ");
        assertThat(fetches(history)).hasSize(1);
        assertThat(fetch(DOWN, "--for", "2").exitCode()).as("the second fresh fetch").isEqualTo(2);
    }

    @Test
    void aStaleSnapshotShownWhileTheApiIsDownDoesNotCount() throws IOException {
        FIGURES.set(DOWN);
        Vertx vertx = Vertx.vertx();
        int port = new MockCluster(30, Duration.ZERO, FIGURES::get).start(vertx, "127.0.0.1", 0)
                .toCompletionStage().toCompletableFuture().join();
        List<String> args = List.of("--snapshot", snapshot.toString(), "--port", String.valueOf(port),
                "--max-age", "0", "--retries", "0", "--for", "2");
        assertThat(Launches.launch(launcher, args).exitCode()).isEqualTo(1);
        vertx.close().toCompletionStage().toCompletableFuture().join();

        LaunchResult stale = Launches.launch(launcher, args);

        assertThat(stale.exitCode()).isEqualTo(1);
        assertThat(stale.getErrorOutput()).contains("breach 1 of 2: ").contains("stale data");
        assertThat(fetches(history)).hasSize(1);
    }

    @Test
    void aFreshFetchAtOrAboveTheMinimumResetsTheCount() {
        assertThat(fetch(DOWN, "--for", "2").exitCode()).isEqualTo(1);
        assertThat(fetch(HEALTHY, "--for", "2").exitCode()).isZero();

        LaunchResult again = fetch(DOWN, "--for", "2");

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.getErrorOutput()).contains("breach 1 of 2: ");
        assertThat(fetch(DOWN, "--for", "2").exitCode()).isEqualTo(2);
    }

    @Test
    void theHistoryOutlivesTheSnapshot() throws IOException {
        assertThat(fetch(DOWN, "--for", "2").exitCode()).isEqualTo(1);
        Files.delete(snapshot);

        assertThat(fetch(DOWN, "--for", "2").exitCode()).isEqualTo(2);
    }

    @Test
    void jsonShowsTheHeldBackBreachPerService() throws IOException {
        JsonNode report = JSON.readTree(fetch(DOWN, "--for", "3", "-o", "json").getOutput());

        assertThat(report.get("verdict").asText()).isEqualTo("WARNING");
        assertThat(report.get("exitCode").asInt()).isEqualTo(1);
        JsonNode service = report.get("services").get(0);
        assertThat(service.get("state").asText()).isEqualTo("WARNING");
        assertThat(service.get("belowMinimum").asBoolean()).isTrue();
        assertThat(service.get("breach").get("count").asInt()).isEqualTo(1);
        assertThat(service.get("breach").get("of").asInt()).isEqualTo(3);
    }

    @Test
    void prometheusHasEveryServicesBreachGaugesUnderForAtZeroWhileHealthy() {
        List<String> healthy = fetch(HEALTHY, "--for", "3", "-o", "prometheus").getOutputStream();
        List<String> down = fetch(DOWN, "--for", "3", "-o", "prometheus").getOutputStream();
        List<String> once = fetch(DOWN, "-o", "prometheus").getOutputStream();

        assertThat(healthy).filteredOn(line -> line.startsWith("monitor_service_breach_fetches{")).hasSize(10)
                .allMatch(line -> line.endsWith("} 0.0"));
        assertThat(healthy).filteredOn(line -> line.startsWith("monitor_service_breach_critical_fetches{"))
                .hasSize(10).allMatch(line -> line.endsWith("} 3.0"));
        assertThat(down).contains("monitor_service_breach_fetches{service=\"AuthService\"} 1.0");
        assertThat(once).as("--for 1").noneMatch(line -> line.contains("breach"));
    }

    @Test
    void prometheusUnderForWithAHistoryThatCannotBeReadIsCriticalAtOnceWithoutBreachGauges()
            throws IOException {
        Files.writeString(history, "{\"format\":\"monitor-history\",\"fetches\":[{\"at\":");
        LaunchResult corrupt = fetch(DOWN, "--for", "3", "-o", "prometheus");
        Files.delete(history);
        Files.delete(history.resolveSibling(history.getFileName() + ".unreadable"));
        Files.createDirectory(history);
        LaunchResult directory = fetch(DOWN, "--for", "3", "-o", "prometheus");

        for (LaunchResult result : List.of(corrupt, directory)) {
            assertThat(result.exitCode()).as("judged as with --for 1: " + result.getErrorOutput()).isEqualTo(2);
            assertThat(result.getOutputStream()).contains("monitor_verdict{monitor_verdict=\"CRITICAL\"} 1",
                    "monitor_verdict{monitor_verdict=\"WARNING\"} 0").noneMatch(line -> line.contains("breach"));
            assertThat(result.getErrorOutput())
                    .contains("monitor: warning: --for 3 needs the verdict history; this run is judged as with --for 1");
        }
    }

    @Test
    void everyFreshFetchIsRecordedWithItsVerdictAndEachService() throws IOException {
        fetch(HEALTHY);
        fetch(DOWN, "--for", "2");

        List<JsonNode> fetches = fetches(history);
        assertThat(fetches).hasSize(2);
        assertThat(fetches.get(0).get("verdict").asText()).isEqualTo("OK");
        assertThat(fetches.get(1).get("verdict").asText()).isEqualTo("WARNING");
        JsonNode auth = fetches.get(1).get("services").get("AuthService");
        assertThat(auth.get("state").asText()).as("as measured, before --for").isEqualTo("CRITICAL");
        assertThat(auth.get("healthy").asInt()).isZero();
        assertThat(auth.get("servers").asInt()).isPositive();
        assertThat(Files.getPosixFilePermissions(history)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void theHistoryKeepsTheLastHundredFetches() throws IOException {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        StringBuilder fetches = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            fetches.append(i == 0 ? "" : ",").append("{\"at\":\"").append(start.plusSeconds(60L * i))
                    .append("\",\"verdict\":\"OK\",\"services\":{}}");
        }
        Files.writeString(history, "{\"format\":\"monitor-history\",\"version\":1,\"endpoint\":\"http://localhost:"
                + mock.port() + "\",\"fetches\":[" + fetches + "]}");

        assertThat(fetch(HEALTHY).exitCode()).isZero();

        List<JsonNode> kept = fetches(history);
        assertThat(kept).hasSize(100);
        assertThat(kept.getFirst().get("at").asText()).as("the oldest dropped").isEqualTo(start.plusSeconds(60).toString());
        assertThat(kept.getLast().get("services").has("AuthService")).as("the new fetch last").isTrue();
    }

    @Test
    void aCorruptHistoryIsSaidSetAsideAndTheRunIsJudgedAtOnce() throws IOException {
        String corrupt = "{\"format\":\"monitor-history\",\"fetches\":[{\"at\":";
        Files.writeString(history, corrupt);
        Path aside = history.resolveSibling(history.getFileName() + ".unreadable");

        LaunchResult result = fetch(DOWN, "--for", "2");

        assertThat(result.exitCode()).as("no breach held back without the history that would end it").isEqualTo(2);
        assertThat(result.getOutput()).contains("AuthService         CRITICAL").doesNotContain("breach");
        assertThat(result.getErrorOutput().lines().filter(line -> line.startsWith("monitor: warning:")))
                .satisfiesExactly(
                        line -> assertThat(line).startsWith("monitor: warning: the verdict history " + history
                                + " is unreadable ("),
                        line -> assertThat(line).isEqualTo("monitor: warning: the old verdict history is kept as "
                                + aside + "; a new one starts with this fetch"),
                        line -> assertThat(line).isEqualTo("monitor: warning: --for 2 needs the verdict history; "
                                + "this run is judged as with --for 1"));
        assertThat(Files.readString(aside)).as("what it held, kept for the user").isEqualTo(corrupt);
        List<JsonNode> fetches = fetches(history);
        assertThat(fetches).as("a whole new history").hasSize(1);
        assertThat(fetches.getFirst().get("verdict").asText()).as("the verdict the run reported").isEqualTo("CRITICAL");
    }

    @Test
    void aHistoryThatCannotBeKeptNeverHoldsABreachBackForEver() throws IOException {
        Files.createDirectory(history);

        List<Integer> exits = List.of(fetch(DOWN, "--for", "3").exitCode(),
                fetch(DOWN, "--for", "3").exitCode(), fetch(DOWN, "--for", "3").exitCode());

        assertThat(exits).as("each run judged at once").containsOnly(2);
        assertThat(history).isDirectory();
    }

    @Test
    void historyShowsEachServicesRecentStatesAndItsStreak() {
        fetch(HEALTHY, "--for", "3");
        fetch(DOWN, "--for", "3");
        fetch(DOWN, "--for", "3");
        FIGURES.set(HEALTHY);

        LaunchResult result = run("--history", "--for", "3");

        assertThat(result.exitCode()).isZero();
        List<String> lines = result.getOutputStream();
        assertThat(lines.get(0)).startsWith("Verdicts of http://localhost:" + mock.port()
                + ": the last 3 of 3 fresh fetches, ");
        assertThat(lines.get(1).split("\\s+")).containsExactly("", "SERVICE", "FETCHES", "HEALTHY", "BELOW", "MINIMUM");
        assertThat(lines.get(2).split("\\s+")).as("the verdict, in the row without a service")
                .containsExactly("", ".WW");
        assertThat(lines.stream().filter(line -> line.startsWith(" AuthService ")).findFirst().orElseThrow()
                .split("\\s+")).containsExactly("", "AuthService", ".CC", "0/10", "2", "of", "3");
        assertThat(lines).hasSize(3 + 10 + 1);
        assertThat(lines.getLast()).startsWith("First the run's verdict, then each service: . OK, W WARNING, C CRITICAL");
        assertThat(result.getErrorOutput()).isEmpty();
    }

    @Test
    void historyWithNoFreshFetchYetIsUnknown() {
        LaunchResult result = run("--history");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput()).startsWith("monitor: no verdict history of http://localhost:"
                + mock.port() + " in " + history + " yet");
        assertThat(result.getOutput()).isEmpty();
    }

    @Test
    void badUsesOfForAndHistoryAreUsageErrors() {
        for (String[] args : List.of(new String[] { "--for", "0" }, new String[] { "--for", "101" },
                new String[] { "--for", "x" }, new String[] { "--history", "--avg" },
                new String[] { "--history", "--watch", "5" }, new String[] { "--history", "-o", "json" })) {
            LaunchResult result = run(args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(3);
            assertThat(result.getErrorOutput()).as(String.join(" ", args)).startsWith("monitor: ")
                    .doesNotContain("\tat ");
        }
    }

    private static List<JsonNode> fetches(Path file) throws IOException {
        List<JsonNode> fetches = new ArrayList<>();
        JSON.readTree(file.toFile()).get("fetches").forEach(fetches::add);
        return fetches;
    }
}
