package dev.monitor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Snapshot;
import dev.monitor.testing.TestThresholds;

/** The summary is one line a person reads, however many services it is about: five named, then how many more. */
class SummaryListingTest {

    private static final Instant FETCHED = Instant.parse("2026-11-26T08:00:00Z");
    private final Analyzer analyzer = new Analyzer();

    /** {@code count} services S01, S02, ... of one server each, at the given cpu. */
    private static List<Server> oneServerServices(int count, int cpu) {
        return IntStream.rangeClosed(1, count).<Server> mapToObj(i -> new Server.Measured("10.0." + (i >> 8) + "."
                + (i & 255), "S%06d".formatted(i), cpu, 10)).toList();
    }

    private Report analyze(List<Server> servers, Thresholds thresholds, BreachStreaks streaks) {
        return analyzer.analyze(new Snapshot(URI.create("http://localhost:8080"), FETCHED, servers), thresholds,
                streaks, FETCHED, null);
    }

    @Test
    void servicesBelowTheMinimumAreTheFirstFiveAndHowManyMore() {
        Report report = analyze(oneServerServices(12, 99), TestThresholds.TYPICAL, BreachStreaks.AT_ONCE);

        assertThat(report.summary()).isEqualTo("12 of 12 services below 2 healthy: S000001 0/1, S000002 0/1, "
                + "S000003 0/1, S000004 0/1, S000005 0/1 and 7 more");
        assertThat(report.unhealthyServices()).as("the report keeps them all").hasSize(12);
    }

    @Test
    void aHundredThousandServicesStillMakeOneShortLine() {
        Report report = analyze(oneServerServices(100_000, 99), TestThresholds.TYPICAL, BreachStreaks.AT_ONCE);

        assertThat(report.summary()).endsWith("S000005 0/1 and 99995 more").hasSizeLessThan(200);
    }

    @Test
    void eachClauseNamesItsOwnFirstFive() {
        // Eight services below 2 healthy, seven of them held back by --for 3, and eight more below a warning level of 3.
        List<Server> servers = new ArrayList<>(oneServerServices(8, 99));
        IntStream.rangeClosed(1, 8).forEach(i -> {
            servers.add(new Server.Measured("10.1.0." + i, "W%d".formatted(i), 10, 10));
            servers.add(new Server.Measured("10.1.1." + i, "W%d".formatted(i), 10, 10));
        });
        Map<String, Integer> streaks = new HashMap<>();
        streaks.put("S000001", 2);
        IntStream.rangeClosed(2, 8).forEach(i -> streaks.put("S%06d".formatted(i), 1));
        Thresholds warnAtThree = TestThresholds.typical().withWarnHealthy(new HealthyLevel.Count(3)).thresholds();

        Report report = analyze(servers, warnAtThree, new BreachStreaks(3, streaks));

        assertThat(report.summary()).isEqualTo("1 of 16 services below 2 healthy: S000001 0/1; "
                + "7 of 16 services below 2 healthy, breach 2 of 3: S000002 0/1, S000003 0/1, S000004 0/1, "
                + "S000005 0/1, S000006 0/1 and 2 more; "
                + "8 of 16 services below the warning level 3 healthy: W1 2/2, W2 2/2, W3 2/2, W4 2/2, W5 2/2 and 3 more");
    }

    @Test
    void missingExpectedServicesAreListedTheSameWay() {
        Set<String> expected = Set.of("E1", "E2", "E3", "E4", "E5", "E6", "E7");
        Thresholds thresholds = TestThresholds.typical().withMinHealthy(new HealthyLevel.Count(1))
                .withExpectedServices(expected).thresholds();

        Report report = analyze(oneServerServices(1, 10), thresholds, BreachStreaks.AT_ONCE);

        assertThat(report.summary()).startsWith("E1, E2, E3, E4, E5 and 2 more: expected, but the cluster lists "
                + "no server of them");
    }
}
