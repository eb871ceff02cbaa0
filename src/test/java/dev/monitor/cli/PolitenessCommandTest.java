package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.mock.Fault;
import dev.monitor.mock.MockCluster;
import dev.monitor.testing.ExpectedFleet;
import dev.monitor.testing.MockClusterExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/** {@code --rate} as the mock observes it, and {@code --deadline} against a mock with servers that never answer. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@QuarkusTest
class PolitenessCommandTest {

    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(30, 50);

    /** 40 servers, the first 10 of which never answer: a deadline cuts off those ten, whatever the machine's pace. */
    @RegisterExtension
    static MockClusterExtension hanging = new MockClusterExtension(40, 50, "timeout:10");

    @RegisterExtension
    static MockClusterExtension slower = new MockClusterExtension(new MockCluster(2, Duration.ofMillis(2500), () -> 50));

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    /** The most requests the mock saw in any one second, among those after {@code from}. */
    private static int busiestSecond(List<Long> arrivals) {
        int most = 0;
        for (int i = 0; i < arrivals.size(); i++) {
            int j = i;
            while (j < arrivals.size() && arrivals.get(j) - arrivals.get(i) < TimeUnit.SECONDS.toNanos(1)) {
                j++;
            }
            most = Math.max(most, j - i);
        }
        return most;
    }

    private List<Long> arrivalsOf(String... rate) {
        int before = mock.cluster().arrivals().size();
        List<String> args = new java.util.ArrayList<>(List.of("--snapshot", temp.resolve("s.json").toString(),
                "--refresh", "--url", mock.url()));
        args.addAll(List.of(rate));
        LaunchResult result = launcher.launch(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        List<Long> arrivals = mock.cluster().arrivals();
        return arrivals.subList(before, arrivals.size());
    }

    @Test
    void rateBoundsTheRequestsTheApiSeesInAnySecond() {
        List<Long> unpaced = arrivalsOf();
        List<Long> paced = arrivalsOf("--rate", "10");

        assertThat(unpaced).hasSize(31);
        assertThat(paced).hasSize(31);
        // Pacing only ever delays a request: 31 requests 100 ms apart span 3 s, however busy the machine.
        long span = paced.getLast() - paced.getFirst();
        assertThat(span).as("31 requests at 10/s span 3s").isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(2900));
        long unpacedSpan = unpaced.getLast() - unpaced.getFirst();
        assertThat(unpacedSpan).as("the same run without --rate, not paced").isLessThan(span);
        // Evenly spaced at 10/s, 11 arrivals fit in a closed second. A busy machine delays some requests more than
        // others and so bunches arrivals, by up to the spread it gives requests sent at once: the unpaced run's span.
        long bunched = (unpacedSpan + TimeUnit.MILLISECONDS.toNanos(100) - 1) / TimeUnit.MILLISECONDS.toNanos(100);
        assertThat(busiestSecond(paced)).as("the most arrivals in one second, %d ms of spread measured without --rate",
                TimeUnit.NANOSECONDS.toMillis(unpacedSpan)).isLessThanOrEqualTo(11 + (int) bunched);
    }

    @Test
    void theDeadlineReportsWhatWasFetchedAndTheRestAsUnknown() {
        List<String> hung = hanging.cluster().faults().hits(Fault.TIMEOUT);
        // Every server in flight at once, so that what the deadline cuts off is the hung servers and nothing else:
        // under --concurrency auto, ten hung servers in a row hold the first places for a second each.
        LaunchResult result = launcher.launch("--snapshot", temp.resolve("d.json").toString(), "--url", hanging.url(),
                "--deadline", "2s", "--timeout", "1m", "--concurrency", "40", "--printservers");

        List<String> rows = result.getOutputStream().stream().filter(line -> line.trim().startsWith("10.58.")).toList();
        assertThat(rows).hasSize(40);
        assertThat(rows.stream().filter(row -> row.contains("--deadline of 2s was reached")).map(row -> row.trim()
                .split("\\s+")[0])).as("the servers that never answered, cut off").containsExactlyElementsOf(hung);
        assertThat(rows.stream().filter(row -> row.contains(" Healthy "))).as("every other server, fetched").hasSize(30);
        // The ten cut off count as not healthy: a service left with fewer than 2 healthy is CRITICAL, else WARNING.
        Map<String, Long> healthy = ExpectedFleet.allAt(40, 50).addresses().stream().filter(ip -> !hung.contains(ip))
                .collect(Collectors.groupingBy(ExpectedFleet::service, Collectors.counting()));
        boolean belowMinimum = ExpectedFleet.allAt(40, 50).addresses().stream().map(ExpectedFleet::service).distinct()
                .anyMatch(service -> healthy.getOrDefault(service, 0L) < 2);
        assertThat(result.exitCode()).as(result.getErrorOutput()).isEqualTo(belowMinimum ? 2 : 1);
        assertThat(result.getErrorOutput()).contains("10 of 40 servers UNKNOWN");
    }

    @Test
    void aTimeoutIsReportedAsItWasGivenNotRoundedDown() {
        LaunchResult result = launcher.launch("--snapshot", temp.resolve("t.json").toString(), "--url",
                slower.url(), "--timeout", "1500ms", "--retries", "0");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput()).isEqualTo("monitor: UNKNOWN: cannot list servers at " + slower.url()
                + "/servers: timed out after 1500ms");
    }

    @Test
    void rateZeroIsSaidAsGiven() {
        LaunchResult result = launcher.launch("--url", mock.url(), "--rate", "0");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput().lines().findFirst().orElseThrow())
                .isEqualTo("monitor: --rate must be more than 0 and at most 1000000 requests per second, not 0");
    }

    @Test
    void badPacingIsAUsageError() {
        for (String[] args : List.of(new String[] { "--rate", "0" }, new String[] { "--rate", "fast" },
                new String[] { "--deadline", "0" })) {
            LaunchResult result = launcher.launch(concat(args, "--url", mock.url()));
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(3);
            assertThat(result.getErrorOutput()).startsWith("monitor: ");
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
