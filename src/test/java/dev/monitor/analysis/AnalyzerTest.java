package dev.monitor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.monitor.snapshot.Server.Measured;
import dev.monitor.snapshot.Server.Unknown;
import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Snapshot;
import dev.monitor.testing.TestThresholds;

class AnalyzerTest {

    private static final Instant FETCHED = Instant.parse("2026-11-26T08:00:00Z");
    private final Analyzer analyzer = new Analyzer();

    private Report analyze(Server... servers) {
        return analyzer.analyze(new Snapshot(URI.create("http://localhost:8080"), FETCHED, List.of(servers)),
                TestThresholds.TYPICAL, FETCHED.plusSeconds(30), null);
    }

    /** Auth: 1 of 2 healthy (below the minimum of 2); Geo: 1 of 2 healthy too; User: 2 of 2 healthy. */
    private Report analyzeFor(int required, Map<String, Integer> pastStreaks) {
        return analyzer.analyze(new Snapshot(URI.create("http://localhost:8080"), FETCHED, List.of(
                new Measured("10.0.0.1", "Auth", 10, 10), new Measured("10.0.0.2", "Auth", 90, 10),
                new Measured("10.0.0.3", "Geo", 10, 10), new Measured("10.0.0.4", "Geo", 90, 10),
                new Measured("10.0.0.5", "User", 10, 10), new Measured("10.0.0.6", "User", 10, 10))),
                TestThresholds.TYPICAL, new BreachStreaks(required, pastStreaks), FETCHED, null);
    }

    private static ServiceHealth service(Report report, String name) {
        return report.services().stream().filter(s -> s.service().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void serverIsHealthyOnlyWithBothFiguresBelowTheirLimits() {
        Thresholds limits = TestThresholds.TYPICAL;
        assertThat(analyzer.healthOf(new Measured("a", "S", 79, 79), limits)).isEqualTo(Health.HEALTHY);
        assertThat(analyzer.healthOf(new Measured("a", "S", 80, 10), limits)).isEqualTo(Health.UNHEALTHY);
        assertThat(analyzer.healthOf(new Measured("a", "S", 10, 80), limits)).isEqualTo(Health.UNHEALTHY);
        assertThat(analyzer.healthOf(new Unknown("a", "S", "HTTP 500"), limits)).isEqualTo(Health.UNKNOWN);
    }

    @Test
    void serviceWithOneHealthyServerIsCritical() {
        Report report = analyze(
                new Measured("10.0.0.1", "Auth", 10, 10),
                new Measured("10.0.0.2", "Auth", 90, 10),
                new Measured("10.0.0.3", "Geo", 10, 10),
                new Measured("10.0.0.4", "Geo", 10, 10));

        assertThat(report.verdict()).isEqualTo(Verdict.CRITICAL);
        assertThat(report.unhealthyServices()).extracting(ServiceHealth::service).containsExactly("Auth");
        assertThat(report.summary()).contains("1 of 2 services below 2 healthy: Auth 1/2");
    }

    @Test
    void allServicesAtTheirMinimumAreOk() {
        Report report = analyze(
                new Measured("10.0.0.1", "Auth", 10, 10),
                new Measured("10.0.0.2", "Auth", 10, 10));

        assertThat(report.verdict()).isEqualTo(Verdict.OK);
        assertThat(report.verdict().exitCode()).isZero();
    }

    @Test
    void unknownServersMakeTheDataPartialAndNeverCountAsHealthy() {
        Report partial = analyze(
                new Measured("10.0.0.1", "Auth", 10, 10),
                new Measured("10.0.0.2", "Auth", 10, 10),
                new Unknown("10.0.0.3", "Auth", "timed out after 5s"));
        assertThat(partial.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(partial.summary()).contains("1 of 3 servers UNKNOWN");

        Report failsClosed = analyze(
                new Measured("10.0.0.1", "Auth", 10, 10),
                new Unknown("10.0.0.2", "Auth", "HTTP 500"),
                new Unknown("10.0.0.3", "Auth", "HTTP 500"));
        assertThat(failsClosed.verdict()).as("below the minimum because of UNKNOWN servers").isEqualTo(Verdict.CRITICAL);
        assertThat(failsClosed.services().getFirst().unknown()).isEqualTo(2);
    }

    @Test
    void averagesLeaveOutUnknownServers() {
        Report report = analyze(
                new Measured("10.0.0.1", "Auth", 10, 20),
                new Measured("10.0.0.2", "Auth", 31, 41),
                new Unknown("10.0.0.3", "Auth", "HTTP 500"));

        ServiceHealth auth = report.services().getFirst();
        assertThat(auth.servers()).isEqualTo(3);
        assertThat(auth.measured()).isEqualTo(2);
        assertThat(auth.meanCpu()).isEqualTo(20.5);
        assertThat(auth.meanMemory()).isEqualTo(30.5);
    }

    @Test
    void serversOfNoKnownServiceAreInNoServiceAreCountedAndNeverMakeTheVerdictBetter() {
        Report report = analyze(
                new Measured("10.0.0.1", "Auth", 10, 10),
                new Measured("10.0.0.2", "Auth", 10, 10),
                new Unknown("10.0.0.9", null, "connection reset"));

        assertThat(report.services()).extracting(ServiceHealth::service).containsExactly("Auth");
        assertThat(report.serversOfNoKnownService()).isEqualTo(1);
        assertThat(report.unknownServers()).isEqualTo(1);
        assertThat(report.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(report.summary()).isEqualTo("the 1 service has at least 2 healthy servers; 1 of 3 servers UNKNOWN; "
                + "1 server of no known service");
    }

    @Test
    void aServiceTheApiNamesLikeNoKnownServiceIsJudgedAsAnyOther() {
        Report report = analyze(
                new Measured("10.0.0.1", "(unknown service)", 99, 99),
                new Measured("10.0.0.2", "(unknown service)", 99, 99),
                new Measured("10.0.0.3", "Auth", 10, 10),
                new Measured("10.0.0.4", "Auth", 10, 10));

        assertThat(report.verdict()).isEqualTo(Verdict.CRITICAL);
        assertThat(report.unhealthyServices()).extracting(ServiceHealth::service).containsExactly("(unknown service)");
        assertThat(report.summary()).isEqualTo("1 of 2 services below 2 healthy: (unknown service) 0/2");
    }

    @Test
    void aServiceNoServerOfWhichGaveFiguresIsAtBestWarningWhateverItsMinimum() {
        for (HealthyLevel none : List.of(new HealthyLevel.Count(0), new HealthyLevel.Share(0))) {
            Report report = analyzer.analyze(new Snapshot(URI.create("http://localhost:8080"), FETCHED, List.of(
                    new Measured("10.0.0.1", "Auth", 10, 10),
                    new Unknown("10.0.0.2", "Geo", "HTTP 500"), new Unknown("10.0.0.3", "Geo", "HTTP 500"))),
                    TestThresholds.typical().withMinHealthy(none).thresholds(), FETCHED, null);

            assertThat(service(report, "Geo").state()).as("--min-healthy " + none).isEqualTo(Verdict.WARNING);
            assertThat(service(report, "Geo").measuredState()).as("as the history keeps it").isEqualTo(Verdict.WARNING);
            assertThat(report.verdict()).isEqualTo(Verdict.WARNING);
            assertThat(report.summary()).as("--min-healthy " + none)
                    .isEqualTo("1 of 2 services without figures from any server: Geo 0/2; 2 of 3 servers UNKNOWN");
        }
    }

    @Test
    void withoutFiguresFromAnyServerThereIsNoDataAndNothingIsSaidHealthy() {
        Report unplaced = analyze(new Unknown("10.0.0.1", null, "HTTP 404"), new Unknown("10.0.0.2", null, "HTTP 404"));
        Report atZero = analyzer.analyze(new Snapshot(URI.create("http://localhost:8080"), FETCHED, List.of(
                new Unknown("10.0.0.1", "Auth", "HTTP 404"), new Unknown("10.0.0.2", "Auth", "HTTP 404"))),
                TestThresholds.typical().withMinHealthy(new HealthyLevel.Count(0)).thresholds(), FETCHED, null);

        assertThat(unplaced.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(unplaced.summary()).isEqualTo("no server gave usable figures; 2 of 2 servers UNKNOWN; "
                + "2 servers of no known service");
        assertThat(atZero.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(atZero.summary()).isEqualTo("no server gave usable figures; 1 of 1 services without figures from "
                + "any server: Auth 0/2; 2 of 2 servers UNKNOWN");
    }

    @Test
    void rowsAreSortedByServiceThenNumericAddress() {
        Report report = analyze(
                new Measured("10.58.1.10", "B", 1, 1),
                new Measured("10.58.1.9", "B", 1, 1),
                new Measured("10.58.2.1", "A", 1, 1),
                new Measured("10.58.1.100", "A", 1, 1),
                new Measured("::1", "A", 1, 1));

        assertThat(report.rows()).extracting(ServerRow::ip)
                .containsExactly("10.58.1.100", "10.58.2.1", "::1", "10.58.1.9", "10.58.1.10");
    }

    @Test
    void rowsSortByNumericAddressAcrossTheWholeRangeWithNonAddressesLastByText() {
        Report report = analyze(
                new Measured("200.1.1.1", "B", 1, 1),
                new Unknown("not-an-ip", "B", "not an IP address, not requested"),
                new Measured("10.58.1.10", "B", 1, 1),
                new Measured("255.255.255.255", "A", 1, 1),
                new Measured("10.58.1.2", "B", 1, 1),
                new Unknown("10.58.1.3", null, "HTTP 500"),
                new Measured("9.9.9.9", "B", 1, 1),
                new Unknown("::1", "B", "HTTP 500"),
                new Measured("0.0.0.0", "A", 1, 1));

        assertThat(report.rows()).extracting(row -> row.service().orElse("none") + " " + row.ip()).containsExactly(
                "A 0.0.0.0",
                "A 255.255.255.255",
                "B 9.9.9.9",
                "B 10.58.1.2",
                "B 10.58.1.10",
                "B 200.1.1.1",
                "B ::1",
                "B not-an-ip",
                "none 10.58.1.3");
    }

    @Test
    void emptyClusterIsUnknown() {
        Report report = analyze();

        assertThat(report.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(report.summary()).contains("no servers");
    }

    @Test
    void staleDataIsAWarningThatSaysHowOld() {
        Report report = analyzer.analyze(
                new Snapshot(URI.create("http://x:1"), FETCHED, List.of(
                        new Measured("10.0.0.1", "Auth", 10, 10), new Measured("10.0.0.2", "Auth", 10, 10))),
                TestThresholds.TYPICAL, FETCHED.plus(Duration.ofMinutes(3)), "connection refused");

        assertThat(report.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(report.age()).isEqualTo(Duration.ofMinutes(3));
        assertThat(report.summary()).contains("stale data, 3m old: connection refused");
    }

    @Test
    void forOneJudgesABreachAtOnceWhateverCameBefore() {
        Report report = analyzeFor(1, Map.of("Auth", 5));

        assertThat(service(report, "Auth").breach()).isNull();
        assertThat(service(report, "Auth").state()).isEqualTo(Verdict.CRITICAL);
        assertThat(report.verdict()).isEqualTo(Verdict.CRITICAL);
        assertThat(report.summary()).doesNotContain("breach");
    }

    @Test
    void aBreachShorterThanForIsWarningWithItsCount() {
        Report report = analyzeFor(3, Map.of("Auth", 1));

        assertThat(service(report, "Auth").state()).isEqualTo(Verdict.WARNING);
        assertThat(service(report, "Auth").breach()).isEqualTo(new Breach(2, 3));
        assertThat(service(report, "Geo").breach()).as("no fetch before this one").isEqualTo(new Breach(1, 3));
        assertThat(service(report, "Auth").belowMinimum()).as("still a fact").isTrue();
        assertThat(report.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(report.verdict().exitCode()).isEqualTo(1);
    }

    @Test
    void theNthFetchInARowIsCritical() {
        Report report = analyzeFor(3, Map.of("Auth", 2));

        assertThat(service(report, "Auth").state()).isEqualTo(Verdict.CRITICAL);
        assertThat(service(report, "Auth").breach()).isEqualTo(new Breach(3, 3));
        assertThat(service(report, "Geo").state()).isEqualTo(Verdict.WARNING);
        assertThat(report.verdict()).isEqualTo(Verdict.CRITICAL);
        assertThat(report.summary()).startsWith("1 of 3 services below 2 healthy: Auth 1/2; "
                + "1 of 3 services below 2 healthy, breach 1 of 3: Geo 1/2");
    }

    @Test
    void aServiceAtItsMinimumHasNoBreachWhateverCameBefore() {
        Report report = analyzeFor(3, Map.of("User", 7));

        assertThat(service(report, "User").breach()).isNull();
        assertThat(service(report, "User").state()).isEqualTo(Verdict.OK);
    }

    @Test
    void theSummarySaysEachBreachOnceForTheServicesItHoldsBack() {
        Report report = analyzeFor(4, Map.of("Auth", 2));

        assertThat(report.summary()).isEqualTo("1 of 3 services below 2 healthy, breach 3 of 4: Auth 1/2; "
                + "1 of 3 services below 2 healthy, breach 1 of 4: Geo 1/2");
    }
}
