package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.mock.MockFleet;
import dev.monitor.testing.MockClusterExtension;
import dev.monitor.testing.Secret;
import dev.monitor.testing.Launches;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * The real command, run in-process against the mock cluster API over a real socket. Every figure of this
 * mock is 50%, so each verdict is certain: at the default limits (80) every server is healthy, at a limit
 * of 50 or below none is.
 */
@QuarkusTest
class MonitorCommandTest {

    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(150, 50);

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    private LaunchResult run(String... args) {
        return Launches.launch(launcher, List.of("--snapshot", temp.resolve("snapshot.json").toString()), args);
    }

    @Test
    void printServersListsEveryServerSortedByServiceThenAddress() {
        LaunchResult result = run("--port", String.valueOf(mock.port()), "--printservers");

        assertThat(result.exitCode()).isZero();
        List<String> lines = result.getOutputStream();
        assertThat(lines.getFirst()).containsSubsequence("IP", "SERVICE", "STATUS", "CPU", "MEMORY");
        List<String[]> rows = lines.subList(1, lines.size()).stream()
                .filter(line -> line.trim().startsWith("10.58."))
                .map(line -> line.trim().split("\\s+"))
                .toList();
        assertThat(rows).hasSize(150);
        for (String[] row : rows) {
            assertThat(row[1]).isEqualTo(MockFleet.serviceOf(row[0]));
            assertThat(row[2]).isEqualTo("Healthy");
            assertThat(row[3]).matches("\\d{1,3}%");
            assertThat(row[4]).matches("\\d{1,3}%");
        }
        List<String> order = rows.stream().map(row -> row[1] + " " + lastOctet(row[0])).toList();
        assertThat(order).isSortedAccordingTo((a, b) -> {
            String[] x = a.split(" ");
            String[] y = b.split(" ");
            int byService = x[0].compareTo(y[0]);
            return byService != 0 ? byService : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
        });
    }

    @Test
    void serverAboveTheCpuLimitIsUnhealthyAndItsServiceCritical() {
        LaunchResult result = run("--port", String.valueOf(mock.port()), "--printservers",
                "--unhealthyservices", "--cpu-limit=50");

        assertThat(result.exitCode()).as("every service below its minimum is CRITICAL").isEqualTo(2);
        assertThat(result.getOutput()).doesNotContain("Healthy ");
        assertThat(result.getOutput()).contains("Unhealthy");
        assertThat(result.getErrorOutput()).contains("CRITICAL").contains("10 of 10 services below 2 healthy");
    }

    @Test
    void averagesCountEveryServerOncePerServiceWithTwoDecimals() {
        LaunchResult result = run("--port", String.valueOf(mock.port()), "--avg");

        assertThat(result.exitCode()).isZero();
        List<String[]> rows = result.getOutputStream().stream()
                .map(line -> line.trim().split("\\s+"))
                .filter(cells -> MockFleet.SERVICE_NAMES.contains(cells[0]))
                .toList();
        assertThat(rows).extracting(cells -> cells[0]).isSorted().hasSize(10);
        assertThat(rows.stream().mapToInt(cells -> Integer.parseInt(cells[1])).sum()).isEqualTo(150);
        for (String[] cells : rows) {
            assertThat(cells[2]).as("all healthy at 50% below the limit of 80").isEqualTo(cells[1]);
            assertThat(cells[4]).matches("\\d{1,3}\\.\\d\\d%");
            assertThat(cells[5]).matches("\\d{1,3}\\.\\d\\d%");
        }
    }

    @Test
    void unhealthyServicesSaysAllHealthyAndExitsZeroWhenNoneIsBelowTheMinimum() {
        LaunchResult result = run("--port", String.valueOf(mock.port()), "--unhealthyservices");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("All services healthy");
        assertThat(result.getErrorOutput()).isEmpty();
    }

    @Test
    void unhealthyServicesListsServicesBelowMinHealthyWithCounts() {
        LaunchResult result = run("--port", String.valueOf(mock.port()), "--unhealthyservices", "--min-healthy", "16");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getOutput()).contains("fewer than 16 healthy servers");
        // With all healthy, exactly the services with fewer than 16 servers are listed.
        for (String service : MockFleet.SERVICE_NAMES) {
            long size = mock.cluster().fleet().addresses().stream()
                    .filter(ip -> MockFleet.serviceOf(ip).equals(service)).count();
            assertThat(result.getOutput().contains(service)).as(service + " with " + size + " servers")
                    .isEqualTo(size < 16);
        }
    }

    @Test
    void noReportFlagRunsTheHealthGate() {
        LaunchResult result = run("--port", String.valueOf(mock.port()));

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("All services healthy");
    }

    @Test
    void urlWorksInsteadOfPort() {
        LaunchResult result = run("--url", mock.url() + "/", "--avg");

        assertThat(result.exitCode()).as("every figure 50%: all healthy").isZero();
        assertThat(result.getOutput()).contains("StorageService");
    }

    @Test
    void aYoungSnapshotIsReusedWithoutAskingTheApi() {
        run("--port", String.valueOf(mock.port()), "--avg");
        int requests = mock.cluster().requestCount();

        LaunchResult cached = run("--port", String.valueOf(mock.port()), "--avg", "--max-age", "1h");
        assertThat(mock.cluster().requestCount()).isEqualTo(requests);
        assertThat(cached.getOutput()).contains("StorageService");

        run("--port", String.valueOf(mock.port()), "--avg", "--refresh");
        assertThat(mock.cluster().requestCount()).isEqualTo(requests + 151);
    }

    @Test
    void anOldSnapshotIsReplacedByAFreshFetch() {
        run("--port", String.valueOf(mock.port()), "--avg");
        int requests = mock.cluster().requestCount();

        run("--port", String.valueOf(mock.port()), "--avg", "--max-age", "0");
        assertThat(mock.cluster().requestCount()).isEqualTo(requests + 151);
    }

    @Test
    void verboseExplainsTheCacheDecisionOnStderrOnly() {
        LaunchResult result = run("--port", String.valueOf(mock.port()), "--avg", "--verbose");

        assertThat(result.getErrorOutput()).contains("fetched 150 servers").contains("saved the snapshot");
        assertThat(result.getOutput()).doesNotContain("fetched");
    }

    @Test
    void missingPortIsAUsageErrorWithExitThree() {
        LaunchResult result = launcher.launch("--avg");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput()).contains("--port or --url is required").contains("--help");
        assertThat(result.getOutput()).isEmpty();
    }

    @Test
    void usageErrorsExitThreeWithOneLineAndTouchNoSnapshot() {
        for (String[] args : List.of(
                new String[] { "--port", "70000" },
                new String[] { "--port", "1", "--cpu-limit", "-5" },
                new String[] { "--port", "1", "--service", "AuthService" },
                new String[] { "--port", "1", "--service", "AuthService", "0" },
                new String[] { "--port", "1", "--timeout", "soon" },
                new String[] { "--port", "1", "--no-such-flag" })) {
            LaunchResult result = run(args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(3);
            assertThat(result.getErrorOutput()).as(String.join(" ", args)).startsWith("monitor: ")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(Files.exists(temp.resolve("snapshot.json"))).isFalse();
    }

    /** A usage error's message line, then picocli's hint: nothing else, no Java exception. */
    private static void assertUsageError(LaunchResult result, String message) {
        assertThat(result.exitCode()).as(result.getErrorOutput()).isEqualTo(3);
        assertThat(result.getErrorOutput().lines().toList()).hasSize(2)
                .first().isEqualTo("monitor: " + message);
    }

    @Test
    void aSecondServiceWatchIsAUsageErrorNotIgnored() {
        assertUsageError(run("--port", String.valueOf(mock.port()), "--service", "AuthService", "2",
                "--service", "GeoService", "2"),
                "--service watches one service: give it once, not for AuthService and GeoService");
    }

    @Test
    void hostBesideUrlIsAUsageErrorAsPortIs() {
        assertUsageError(run("--url", mock.url(), "--host", "cluster.example"),
                "--url and --host cannot be combined: put the host in the URL");
    }

    @Test
    void durationsBeyondTheirBoundAreUsageErrorsNotOverflows() {
        String tooLong = "'999999999h' is longer than a year (8760h), the most a duration can be";
        assertUsageError(run("--port", String.valueOf(mock.port()), "--timeout", "999999999h"),
                "Invalid value for option '--timeout': " + tooLong);
        assertUsageError(run("--port", String.valueOf(mock.port()), "--deadline", "999999999h"),
                "Invalid value for option '--deadline': " + tooLong);
        assertUsageError(run("--port", String.valueOf(mock.port()), "--max-stale", "8761h"),
                "Invalid value for option '--max-stale': '8761h' is longer than a year (8760h), the most a duration "
                        + "can be");
        assertUsageError(run("--port", String.valueOf(mock.port()), "--timeout", "2h"),
                "--timeout is one request's deadline: at most 1h, not 2h");
        assertThat(Files.exists(temp.resolve("snapshot.json"))).isFalse();
    }

    @Test
    void numbersInOtherDigitsThanAsciiAreUsageErrorsAndAskNothing() {
        int requests = mock.cluster().requestCount();
        String port = String.valueOf(mock.port());
        // Java's parsers read any script's digits: --port ٨٠٨٠ was port 8080, --for ３ was 3, --rate 5d was 5.
        assertUsageError(run("--port", "٨٠٨٠"),
                "Invalid value for option '--port': '٨٠٨٠' is not a whole number in digits 0-9");
        assertUsageError(run("--port", port, "--for", "３"),
                "Invalid value for option '--for': '３' is not a whole number in digits 0-9");
        assertUsageError(run("--port", port, "--concurrency", "+8"),
                "--concurrency must be a number of requests in digits 0-9, or auto, not '+8'");
        assertUsageError(run("--port", port, "--concurrency", "٨"),
                "--concurrency must be a number of requests in digits 0-9, or auto, not '٨'");
        assertUsageError(run("--port", port, "--rate", "5d"),
                "Invalid value for option '--rate': '5d' is not a number in digits 0-9");
        assertUsageError(run("--port", port, "--rate", "1e3"),
                "Invalid value for option '--rate': '1e3' is not a number in digits 0-9");
        assertUsageError(launcher.launch("mock-server", "--port", port, "--servers", "١٠"),
                "Invalid value for option '--servers': '١٠' is not a whole number in digits 0-9");
        assertUsageError(launcher.launch("mock-server", "--port", port, "--seed", "99999999999999999999"),
                "Invalid value for option '--seed': '99999999999999999999' is out of range");
        System.setProperty("monitor.cpu-limit", "٨٠");
        try {
            assertUsageError(run("--port", port),
                    "Invalid value for option '--cpu-limit': '٨٠' is not a whole number in digits 0-9");
        } finally {
            System.clearProperty("monitor.cpu-limit");
        }
        assertThat(mock.cluster().requestCount()).as("requests to the API").isEqualTo(requests);
        assertThat(run("--port", port, "--rate", "1000.5", "--for", "1").exitCode()).as("ASCII numbers")
                .isZero();
    }

    @Test
    void unreachableApiIsUnknownWithExitThreeAndAReason() {
        LaunchResult result = run("--port", "1", "--retries", "0");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput()).contains("UNKNOWN").contains("connection refused")
                .doesNotContain("\tat ");
    }

    @Test
    void unknownServiceNameIsAnErrorListingTheKnownOnes() {
        LaunchResult result = run("--port", String.valueOf(mock.port()), "--service", "NoSuchService", "1");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput()).contains("no service named 'NoSuchService'; known services: "
                + "AuthService, GeoService, IdService, MLService, PermissionsService and 5 more (monitor --avg lists them all)");
    }

    @Test
    void configurationSetsADefaultThatAFlagOverrides() {
        System.setProperty("monitor.min-healthy", "1000");
        try {
            LaunchResult fromConfig = run("--port", String.valueOf(mock.port()));
            assertThat(fromConfig.exitCode()).isEqualTo(2);
            assertThat(fromConfig.getOutput()).contains("fewer than 1000 healthy");

            LaunchResult fromFlag = run("--port", String.valueOf(mock.port()),
                    "--min-healthy", "1");
            assertThat(fromFlag.exitCode()).isZero();
        } finally {
            System.clearProperty("monitor.min-healthy");
        }
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        LaunchResult result = launcher.launch("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("--port", "--host", "--url", "--printservers", "--avg",
                "--unhealthyservices", "--service", "--cpu-limit", "--memory-limit", "--min-healthy", "--max-age",
                "--refresh", "--snapshot", "--concurrency", "--max-concurrency", "--timeout", "--retries", "--verbose",
                "--version", "Examples:", "(default: 80)", "(default: 2m)", "(default: auto)", "(default: 256)");
    }

    @Test
    void helpGroupsTheOptionsUnderHeadingsWithExamples() {
        String help = launcher.launch("--help").getOutput();

        assertThat(help).containsSubsequence("Reports:", "--printservers", "--watch", "Connection:", "--port",
                "Thresholds:", "--cpu-limit", "Output:", "--output", "--sort-by", "Cache:", "--max-age", "General:",
                "--verbose");
        assertThat(help).contains("In a terminal", "In a CI gate", "For Prometheus", "-o prometheus --output-file");
    }

    @Test
    @Timeout(60) // a shape that were served would serve until killed
    void mockServerShapesItCannotServeAreUsageErrors() {
        for (List<String> bad : List.of(List.of("--http10"), List.of("--workers", "0"),
                List.of("--workers", "1", "--faults", "500"), List.of("--backlog", "0"),
                List.of("--max-in-flight", "0"), List.of("--unhealthy", "NoSuchService"))) {
            List<String> args = new ArrayList<>(List.of("mock-server", "--host", "127.0.0.1", "--port", "0"));
            args.addAll(bad);
            LaunchResult result = launcher.launch(args.toArray(String[]::new));

            assertThat(result.exitCode()).as(bad.toString()).isEqualTo(3);
            assertThat(result.getErrorOutput().lines().findFirst().orElse("")).as(bad.toString())
                    .startsWith("monitor: --").doesNotContain("Exception");
        }
    }

    @Test
    void aMockServerOnATakenPortSaysSoInOneLine() {
        LaunchResult result = launcher.launch("mock-server", "--host", "127.0.0.1", "--port", String.valueOf(mock.port()));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput().lines()).hasSize(1);
        assertThat(result.getErrorOutput()).startsWith("monitor: cannot listen on 127.0.0.1:" + mock.port() + ": ")
                .contains("address already in use").doesNotContain("Exception");
    }

    @Test
    void aUrlWithCredentialsOrAQueryIsRefusedRatherThanDroppedInSilence() {
        LaunchResult credentials = launcher.launch("--url", "http://ops:s3cret@127.0.0.1:" + mock.port());
        LaunchResult query = launcher.launch("--url", mock.url() + "/?region=eu");

        assertThat(credentials.exitCode()).isEqualTo(3);
        assertThat(credentials.getErrorOutput()).startsWith("monitor: --url must not carry credentials: give them with "
                + "--basic-auth-file");
        Secret.password("ops", "s3cret").assertNotIn(credentials);
        assertThat(query.exitCode()).isEqualTo(3);
        assertThat(query.getErrorOutput()).startsWith("monitor: --url must not have a query or fragment");
    }

    @Test
    void aMockFaultThatHitsNoServerIsRefused() {
        LaunchResult result = launcher.launch("mock-server", "--port", "0", "--faults", "500:0");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput()).startsWith("monitor: --faults: '500:0': the count after ':' must be a "
                + "number of servers, 1 or more");
    }

    @Test
    void versionPrintsTheVersion() {
        LaunchResult result = launcher.launch("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).startsWith("monitor ").doesNotContain("unknown");
    }

    private static int lastOctet(String ip) {
        return Integer.parseInt(ip.substring(ip.lastIndexOf('.') + 1));
    }
}
