package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.monitor.mock.MockCluster;
import dev.monitor.testing.MockClusterExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * {@code --concurrency auto}, the default, through the real command against the mock over a real socket: an API
 * that turns requests away above a limit of its own, the limit in force as {@code --verbose}, JSON and Prometheus
 * tell it, and the options' bad values.
 */
@QuarkusTest
@Timeout(120)
class AdaptiveConcurrencyCommandTest {

    /**
     * Answers in 100 ms, and 429 at once to a request that finds 16 others being answered. A latency well above a
     * loaded machine's own, so that the limit surely grows past 16 and meets the 429s.
     */
    @RegisterExtension
    static MockClusterExtension limited = new MockClusterExtension(
            new MockCluster(300, Duration.ofMillis(100), () -> 50).limitInFlight(16));

    /** Holds every answer back, so that a fetch has as many in flight as it may. */
    @RegisterExtension
    static MockClusterExtension slow = new MockClusterExtension(new MockCluster(40, Duration.ofMillis(100), () -> 50));

    @RegisterExtension
    static MockClusterExtension bounded = new MockClusterExtension(new MockCluster(60, Duration.ofMillis(50), () -> 50));

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    @Test
    void theDefaultFetchesEveryServerOfAnApiThatAnswers429AboveSixteenInFlight() {
        LaunchResult result = launcher.launch("--url", limited.url(), "--refresh", "--printservers", "--verbose",
                "--snapshot", temp.resolve("s.json").toString());

        assertThat(limited.cluster().turnedAwayCount()).as("the default probed past the API's limit").isPositive();
        assertThat(result.getOutput()).doesNotContain("UNKNOWN").contains("10.58.2.46");
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getErrorOutput()).contains("fetched 300 servers",
                "at concurrency auto (at most 256): the limit started at 4, peaked at ", ", ended at ");
    }

    @Test
    void jsonAndPrometheusReportThePeakConcurrencyOfTheFetchAlsoFromTheSavedSnapshot()
            throws Exception {
        String snapshot = temp.resolve("s.json").toString();

        // One service of these 40 servers has a single one: --min-healthy 1 keeps the verdict OK.
        LaunchResult json = launcher.launch("--url", slow.url(), "--concurrency", "8", "--refresh", "-o", "json",
                "--min-healthy", "1", "--snapshot", snapshot);
        LaunchResult prometheus = launcher.launch("--url", slow.url(), "--max-age", "1h", "-o", "prometheus",
                "--min-healthy", "1", "--snapshot", snapshot);

        assertThat(json.exitCode()).as(json.getErrorOutput()).isZero();
        assertThat(new ObjectMapper().readTree(json.getOutput()).get("peakConcurrency").asInt()).isEqualTo(8);
        assertThat(prometheus.getOutput()).contains("# HELP monitor_fetch_peak_concurrency ",
                "\nmonitor_fetch_peak_concurrency 8.0\n");
    }

    @Test
    void maxConcurrencyBoundsTheAutomaticLimit() {
        LaunchResult result = launcher.launch("--url", bounded.url(), "--max-concurrency", "5", "--refresh",
                "--verbose", "--snapshot", temp.resolve("s.json").toString());

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getErrorOutput()).contains("at concurrency auto (at most 5)");
        assertThat(bounded.cluster().maxInFlight()).isBetween(4, 5);
    }

    @Test
    void aConcurrencyThatIsNeitherANumberNorAutoIsAUsageError() {
        for (List<String> bad : List.of(List.of("--concurrency", "lots"), List.of("--concurrency", "0"),
                List.of("--max-concurrency", "0"), List.of("--concurrency", "8", "--max-concurrency", "16"))) {
            List<String> args = new ArrayList<>(List.of("--url", bounded.url(), "--refresh"));
            args.addAll(bad);
            LaunchResult result = launcher.launch(args.toArray(String[]::new));

            assertThat(result.exitCode()).as(bad.toString()).isEqualTo(3);
            assertThat(result.getErrorOutput().lines().findFirst().orElse("")).as(bad.toString())
                    .matches("monitor: --(max-)?concurrency .*")
                    .doesNotContain("Exception");
        }
    }
}
