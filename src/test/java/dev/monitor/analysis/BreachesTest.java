package dev.monitor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.monitor.snapshot.Server.Measured;
import dev.monitor.snapshot.Snapshot;

/** {@code --for N}: below the minimum is WARNING until the N-th fresh fetch in a row, then CRITICAL. */
class BreachesTest {

    private static final Instant FETCHED = Instant.parse("2026-11-26T08:00:00Z");

    /** Auth: 1 of 2 healthy (below the minimum of 2); Geo: 1 of 2 healthy too; User: 2 of 2 healthy. */
    private static Report report() {
        return new Analyzer().analyze(new Snapshot(URI.create("http://localhost:8080"), FETCHED, List.of(
                new Measured("10.0.0.1", "Auth", 10, 10), new Measured("10.0.0.2", "Auth", 90, 10),
                new Measured("10.0.0.3", "Geo", 10, 10), new Measured("10.0.0.4", "Geo", 90, 10),
                new Measured("10.0.0.5", "User", 10, 10), new Measured("10.0.0.6", "User", 10, 10))),
                Thresholds.DEFAULTS, FETCHED, null);
    }

    private static ServiceHealth service(Report report, String name) {
        return report.services().stream().filter(s -> s.service().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void forOneLeavesTheReportAsItWas() {
        Report report = report();

        assertThat(Breaches.apply(report, 1, Map.of("Auth", 5))).isSameAs(report);
        assertThat(report.verdict()).isEqualTo(Verdict.CRITICAL);
    }

    @Test
    void aBreachShorterThanNIsWarningWithItsCount() {
        Report report = Breaches.apply(report(), 3, Map.of("Auth", 1));

        assertThat(service(report, "Auth").state()).isEqualTo(Verdict.WARNING);
        assertThat(service(report, "Auth").breach()).isEqualTo(new Breach(2, 3));
        assertThat(service(report, "Geo").breach()).as("no fetch before this one").isEqualTo(new Breach(1, 3));
        assertThat(service(report, "Auth").belowMinimum()).as("still a fact").isTrue();
        assertThat(report.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(report.verdict().exitCode()).isEqualTo(1);
    }

    @Test
    void theNthFetchInARowIsCritical() {
        Report report = Breaches.apply(report(), 3, Map.of("Auth", 2));

        assertThat(service(report, "Auth").state()).isEqualTo(Verdict.CRITICAL);
        assertThat(service(report, "Auth").breach()).isEqualTo(new Breach(3, 3));
        assertThat(service(report, "Geo").state()).isEqualTo(Verdict.WARNING);
        assertThat(report.verdict()).isEqualTo(Verdict.CRITICAL);
        assertThat(report.summary()).startsWith("1 of 3 services below 2 healthy: Auth 1/2; "
                + "1 of 3 services below 2 healthy, breach 1 of 3: Geo 1/2");
    }

    @Test
    void aServiceAtItsMinimumHasNoBreachWhateverCameBefore() {
        Report report = Breaches.apply(report(), 3, Map.of("User", 7));

        assertThat(service(report, "User").breach()).isNull();
        assertThat(service(report, "User").state()).isEqualTo(Verdict.OK);
    }

    @Test
    void theSummarySaysEachBreachOnceForTheServicesItHoldsBack() {
        Report report = Breaches.apply(report(), 4, Map.of("Auth", 2));

        assertThat(report.summary()).isEqualTo("1 of 3 services below 2 healthy, breach 3 of 4: Auth 1/2; "
                + "1 of 3 services below 2 healthy, breach 1 of 4: Geo 1/2");
    }
}
