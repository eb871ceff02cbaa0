package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.monitor.mock.Fault;
import dev.monitor.mock.FaultPlan;
import dev.monitor.mock.MockFleet;
import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Snapshot;
import dev.monitor.snapshot.SnapshotRepository;
import dev.monitor.testing.MockClusterExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * The command against a cluster API that misbehaves in every way docs/api.md lists, over real sockets
 * to the project's mock in its fault-injecting mode: what the user sees, the exit code, and what the
 * snapshot keeps. Every well-behaved figure is 50%, so verdicts are certain.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@QuarkusTest
class FailureHandlingTest {

    /** Its hung and trickling servers wait out a whole deadline, so runs on it try each server once; the retries are
     * tenHungServersAmongAThousandCostOneServersBudgetNotTen's and ClusterConnectionFaultsTest's. */
    @RegisterExtension
    static MockClusterExtension faulty = new MockClusterExtension(150, 50,
            "500,404,timeout,trickle,reset,garbage,missing,badvalue,escape,huge,traversal,duplicate");

    @RegisterExtension
    static MockClusterExtension large = new MockClusterExtension(1000, 50, "timeout:10");

    /** The same fleet with no fault: how long a run of a thousand servers takes on this machine, now. */
    @RegisterExtension
    static MockClusterExtension largeAnswering = new MockClusterExtension(1000, 50);

    @RegisterExtension
    static MockClusterExtension empty = new MockClusterExtension(150, 50, "empty");

    @RegisterExtension
    static MockClusterExtension listFails = new MockClusterExtension(150, 50, "servers-500");

    @RegisterExtension
    static MockClusterExtension listHangs = new MockClusterExtension(150, 50, "servers-hang");

    @RegisterExtension
    static MockClusterExtension listHuge = new MockClusterExtension(150, 50, "servers-huge");

    /** Lists its servers, then resets the connection of every request for one, as an API dying behind its list. */
    @RegisterExtension
    static MockClusterExtension noServerAnswers = new MockClusterExtension(150, 50, "reset:150");

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    private final SnapshotRepository repository = new SnapshotRepository(Optional.empty());

    private Path snapshotFile() {
        return temp.resolve("snapshot.json");
    }

    private LaunchResult run(MockClusterExtension mock, String... args) {
        List<String> all = new ArrayList<>(List.of("--port", String.valueOf(mock.port()), "--snapshot",
                snapshotFile().toString()));
        all.addAll(Arrays.asList(args));
        if (!all.contains("--retries")) {
            all.addAll(List.of("--retries", "1"));
        }
        if (!all.contains("--timeout")) {
            // Long enough for a busy machine to answer every well-behaved server in time.
            all.addAll(List.of("--timeout", "3s"));
        }
        return launcher.launch(all.toArray(String[]::new));
    }

    private static String[] concat(String[] args, String... more) {
        return Stream.concat(Stream.of(args), Stream.of(more)).toArray(String[]::new);
    }

    /** The row of one server in --printservers: IP, SERVICE, STATUS, CPU, MEMORY, REASON. */
    private static String row(LaunchResult result, String ip) {
        return result.getOutputStream().stream().filter(line -> line.trim().startsWith(ip + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + ip + " in\n" + result.getOutput()));
    }

    @Test
    void everyFaultOfAServerIsShownUnknownWithItsReasonAndTheRunIsAWarning() {
        FaultPlan faults = faulty.cluster().faults();

        // The escape servers name services of their own, with one server each.
        LaunchResult result = run(faulty, "--printservers", "--avg", "--min-healthy", "1", "--retries", "0");

        assertThat(result.exitCode()).as("partial data, no service below the minimum").isEqualTo(1);
        Map<Fault, String> reasons = Map.of(
                Fault.HTTP_500, "HTTP 500", Fault.HTTP_404, "HTTP 404", Fault.TIMEOUT, "timed out after 3s",
                Fault.TRICKLE, "timed out after 3s", Fault.RESET, "connection reset",
                Fault.GARBAGE, "malformed JSON", Fault.MISSING, "missing field memory",
                Fault.BAD_VALUE, "cpu ", Fault.HUGE, "answer larger than 64 KiB");
        reasons.forEach((fault, reason) -> assertThat(faults.hits(fault)).allSatisfy(ip -> assertThat(row(result, ip))
                .as(fault.token()).matches(" *" + Pattern.quote(ip) + " +UNKNOWN .*").as("of no known service")
                .contains(reason)));
        assertThat(row(result, faults.hits(Fault.BAD_VALUE).get(1))).contains("cpu 250% is outside 0-100");
        assertThat(row(result, "../admin")).contains("not an IP address, not requested");
        assertThat(faulty.cluster().strayPaths()).isEmpty();
        assertThat(result.getOutput()).as("no terminal control character reaches stdout")
                .doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(result.getErrorOutput()).contains("monitor: WARNING: ")
                .contains((10 * FaultPlan.DEFAULT_HITS - faults.hits(Fault.ESCAPE).size() + 7) + " of ")
                .contains("servers UNKNOWN").doesNotContain("\tat ").doesNotContain("ERROR");
    }

    @Test
    void theSnapshotKeepsEveryUnknownServerWithItsReason() {
        FaultPlan faults = faulty.cluster().faults();

        run(faulty, "--printservers", "--retries", "0");

        Map<String, Server> saved = repository.read(snapshotFile()).orElseThrow().servers().stream()
                .collect(Collectors.toMap(Server::ip, server -> server));
        assertThat(saved.get(faults.hits(Fault.HTTP_500).getFirst()))
                .isEqualTo(new Server.Unknown(faults.hits(Fault.HTTP_500).getFirst(), null, "HTTP 500"));
        assertThat(saved.get(faults.hits(Fault.TRICKLE).getFirst()))
                .isEqualTo(new Server.Unknown(faults.hits(Fault.TRICKLE).getFirst(), null, "timed out after 3s"));
        assertThat(saved.get("../admin")).isInstanceOf(Server.Unknown.class);
        String escaped = faults.hits(Fault.ESCAPE).getFirst();
        assertThat(saved.get(escaped).service()).isEqualTo("\\x1b]0;owned\\x07\\x1b[2J" + MockFleet.serviceOf(escaped));
        assertThat(saved).hasSize(150 + 7);
    }

    @Test
    void aServerThatFailsKeepsTheServiceItHadInTheLastSnapshot() throws IOException {
        String failing = faulty.cluster().faults().hits(Fault.HTTP_500).getFirst();
        URI endpoint = URI.create("http://localhost:" + faulty.port());
        repository.write(snapshotFile(), new Snapshot(endpoint, Instant.now().minus(Duration.ofHours(1)),
                List.of(new Server.Measured(failing, "AuthService", 10, 10))));

        LaunchResult result = run(faulty, "--printservers", "--retries", "0");

        assertThat(row(result, failing)).contains("AuthService").contains("UNKNOWN").contains("HTTP 500");
        assertThat(repository.read(snapshotFile()).orElseThrow().servers())
                .contains(new Server.Unknown(failing, "AuthService", "HTTP 500"));
    }

    @Test
    void tenHungServersAmongAThousandCostOneServersBudgetNotTen() {
        Duration timeout = Duration.ofSeconds(3);
        int retries = 1;
        Duration budget = timeout.multipliedBy(retries + 1);
        String[] args = { "--timeout", "3s", "--retries", String.valueOf(retries), "--printservers" };

        // The baseline: the same run where every server answers, on this machine under its present load.
        long start = System.nanoTime();
        LaunchResult answering = launcher.launch(concat(args, "--port", String.valueOf(largeAnswering.port()),
                "--snapshot", temp.resolve("baseline.json").toString()));
        Duration baseline = Duration.ofNanos(System.nanoTime() - start);
        start = System.nanoTime();
        LaunchResult result = launcher.launch(concat(args, "--port", String.valueOf(large.port()), "--snapshot",
                snapshotFile().toString()));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(answering.exitCode()).as(answering.getErrorOutput()).isZero();
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getOutput().lines().filter(line -> line.contains("timed out after 3s"))).hasSize(10);
        assertThat(result.getErrorOutput()).contains("10 of 1000 servers UNKNOWN");
        // Hung servers wait in parallel: the baseline plus one budget (and its backoffs), far from ten budgets.
        assertThat(elapsed).as("elapsed, for a baseline of %s and a budget of %s per server", baseline, budget)
                .isLessThan(baseline.plus(budget.multipliedBy(2)));
        assertThat(large.cluster().requestCount("/" + large.cluster().faults().hits(Fault.TIMEOUT).getFirst()))
                .as("attempts of one hung server").isEqualTo(retries + 1);
    }

    @Test
    void anEmptyServerListIsUnknownWithOneClearLine() {
        LaunchResult result = run(empty, "--printservers");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput().strip()).isEqualTo("monitor: UNKNOWN: cannot list servers at http://localhost:"
                + empty.port() + "/servers: the cluster lists no servers");
        assertThat(result.getOutput()).isEmpty();
        assertThat(Files.exists(snapshotFile())).as("nothing to save").isFalse();
    }

    @Test
    void aServerListThatCannotBeHadIsUnknownWithItsReason() {
        int listRequests = listFails.cluster().requestCount("/servers");
        Map<MockClusterExtension, String> reasons = Map.of(listFails, "HTTP 500", listHangs, "timed out after 3s",
                listHuge, "answer larger than 64 MiB");
        reasons.forEach((mock, reason) -> {
            // 64 MiB takes a while to arrive on a busy machine: the cap, not the deadline, must stop it.
            // Only the list that fails is asked again: a hung one would wait out its deadline twice.
            LaunchResult result = run(mock, "--timeout", mock == listHuge ? "2m" : "3s", "--retries",
                    mock == listFails ? "1" : "0");

            assertThat(result.exitCode()).as(reason).isEqualTo(3);
            assertThat(result.getErrorOutput()).as(reason).contains("monitor: UNKNOWN: cannot list servers")
                    .contains(reason).doesNotContain("\tat ");
        });
        assertThat(listFails.cluster().requestCount("/servers") - listRequests).as("a 5xx is tried again")
                .isEqualTo(2);
    }

    @Test
    void everyMachineFormatGivesAnUnreadableListTheVerdictOfTheExitCode()
            throws IOException {
        Map<String, Integer> exitCodes = Map.of("unknown", 3, "critical", 2, "warning", 1);
        Map<MockClusterExtension, String> reasons = Map.of(listFails, "HTTP 500", empty, "the cluster lists no servers");
        for (Map.Entry<MockClusterExtension, String> list : reasons.entrySet()) {
            String reason = "cannot list servers at http://localhost:" + list.getKey().port() + "/servers: "
                    + list.getValue();
            for (Map.Entry<String, Integer> state : exitCodes.entrySet()) {
                String verdict = state.getKey().toUpperCase(Locale.ROOT);
                String as = list.getValue() + ", --unreachable-state " + state.getKey();

                LaunchResult json = run(list.getKey(), "--unreachable-state", state.getKey(), "-o", "json");
                JsonNode document = new ObjectMapper().readTree(json.getOutput());
                assertThat(json.exitCode()).as(as).isEqualTo(state.getValue());
                assertThat(document.get("verdict").asText()).as(as).isEqualTo(verdict);
                assertThat(document.get("exitCode").asInt()).as(as).isEqualTo(json.exitCode());
                assertThat(document.get("summary").asText()).as(as).isEqualTo(reason);

                LaunchResult nagios = run(list.getKey(), "--unreachable-state", state.getKey(), "-o", "nagios");
                assertThat(nagios.exitCode()).as(as).isEqualTo(state.getValue());
                assertThat(nagios.getOutputStream()).as(as).containsExactly("MONITOR " + verdict + " - " + reason);

                LaunchResult prometheus = run(list.getKey(), "--unreachable-state", state.getKey(),
                        "-o", "prometheus");
                assertThat(prometheus.exitCode()).as(as).isEqualTo(state.getValue());
                assertThat(prometheus.getOutputStream().stream().filter(line -> line.startsWith("monitor_verdict{")))
                        .as(as).containsExactlyInAnyOrderElementsOf(Stream.of("OK", "WARNING", "CRITICAL", "UNKNOWN")
                                .map(each -> "monitor_verdict{monitor_verdict=\"" + each + "\"} "
                                        + (each.equals(verdict) ? 1 : 0))
                                .toList());

                for (LaunchResult result : List.of(json, nagios, prometheus)) {
                    assertThat(result.getErrorOutput().strip()).as(as).isEqualTo("monitor: " + verdict + ": " + reason);
                }
            }
        }
    }

    @Test
    void whenTheListFailsARecentSnapshotIsShownStaleWithItsAge() throws IOException {
        URI endpoint = URI.create("http://localhost:" + listFails.port());
        Snapshot old = new Snapshot(endpoint, Instant.now().minus(Duration.ofMinutes(5)),
                List.of(new Server.Measured("10.58.1.1", "AuthService", 10, 10),
                        new Server.Measured("10.58.1.2", "AuthService", 10, 10)));
        repository.write(snapshotFile(), old);

        LaunchResult result = run(listFails, "--printservers");

        assertThat(result.exitCode()).as("stale data, no service below the minimum").isEqualTo(1);
        assertThat(result.getOutput()).contains("10.58.1.2").containsPattern("Stale data, 5m\\d*s? old")
                .contains("HTTP 500");
        assertThat(result.getErrorOutput()).contains("monitor: WARNING: ").contains("stale data, 5m");
        assertThat(repository.read(snapshotFile())).as("the last good snapshot is kept").contains(old);
    }

    @Test
    void aSnapshotOlderThanMaxStaleIsNotShown() throws IOException {
        URI endpoint = URI.create("http://localhost:" + listFails.port());
        repository.write(snapshotFile(), new Snapshot(endpoint, Instant.now().minus(Duration.ofMinutes(30)),
                List.of(new Server.Measured("10.58.1.1", "AuthService", 10, 10))));

        LaunchResult result = run(listFails, "--printservers");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getOutput()).isEmpty();
        assertThat(result.getErrorOutput()).contains("UNKNOWN").contains("HTTP 500");
    }

    @Test
    void whenNoServerAnswersTheLastGoodSnapshotStandsInAndIsKept() throws IOException {
        URI endpoint = URI.create("http://localhost:" + noServerAnswers.port());
        repository.write(snapshotFile(), new Snapshot(endpoint, Instant.now().minus(Duration.ofMinutes(5)),
                List.of(new Server.Measured("10.58.1.1", "AuthService", 10, 10),
                        new Server.Measured("10.58.1.2", "AuthService", 10, 10))));
        byte[] good = Files.readAllBytes(snapshotFile());

        LaunchResult result = run(noServerAnswers, "--printservers", "--refresh");

        assertThat(result.exitCode()).as("stale data, not an outage").isEqualTo(1);
        assertThat(result.getOutput()).contains("10.58.1.2").containsPattern("Stale data, 5m\\d*s? old")
                .contains("no server listed at " + endpoint + "/servers answered: connection reset (150 of 150)")
                .doesNotContain("UNKNOWN");
        assertThat(result.getErrorOutput()).contains("monitor: WARNING: ").contains("stale data, 5m")
                .doesNotContain("\tat ");
        assertThat(Files.readAllBytes(snapshotFile())).as("the last good snapshot, byte for byte").isEqualTo(good);
    }

    @Test
    void whenNoServerAnswersAndNoSnapshotIsRecentTheUnreachableStateApplies()
            throws IOException {
        URI endpoint = URI.create("http://localhost:" + noServerAnswers.port());
        repository.write(snapshotFile(), new Snapshot(endpoint, Instant.now().minus(Duration.ofMinutes(30)),
                List.of(new Server.Measured("10.58.1.1", "AuthService", 10, 10))));
        byte[] old = Files.readAllBytes(snapshotFile());

        LaunchResult result = run(noServerAnswers, "--printservers", "--unreachable-state", "warning");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getOutput()).isEmpty();
        assertThat(result.getErrorOutput().strip()).isEqualTo("monitor: WARNING: no server listed at " + endpoint
                + "/servers answered: connection reset (150 of 150)");
        assertThat(Files.readAllBytes(snapshotFile())).as("not replaced by rows that tell nothing").isEqualTo(old);
    }
}
