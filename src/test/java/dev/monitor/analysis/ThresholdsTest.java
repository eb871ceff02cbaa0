package dev.monitor.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.monitor.snapshot.Server.Measured;
import dev.monitor.snapshot.Server.Unknown;
import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Snapshot;
import dev.monitor.testing.TestThresholds;

/** Counts and shares, the WARNING level, and expected services, as the Analyzer applies them. */
class ThresholdsTest {

    private static final Instant FETCHED = Instant.parse("2026-11-26T08:00:00Z");
    private final Analyzer analyzer = new Analyzer();

    private Report analyze(Thresholds thresholds, Server... servers) {
        return analyze(thresholds, BreachStreaks.AT_ONCE, servers);
    }

    private Report analyze(Thresholds thresholds, BreachStreaks streaks, Server... servers) {
        return analyzer.analyze(new Snapshot(URI.create("http://localhost:8080"), FETCHED, List.of(servers)),
                thresholds, streaks, FETCHED, null);
    }

    /** Five Auth servers: three healthy, one unhealthy, one UNKNOWN. */
    private Report fiveAuthServersThreeHealthy(Thresholds thresholds) {
        return analyze(thresholds,
                new Measured("10.0.0.1", "Auth", 10, 10),
                new Measured("10.0.0.2", "Auth", 10, 10),
                new Measured("10.0.0.3", "Auth", 10, 10),
                new Measured("10.0.0.4", "Auth", 95, 10),
                new Unknown("10.0.0.5", "Auth", "HTTP 500"));
    }

    @Test
    void levelsAreReadAsCountsOrShares() {
        assertThat(HealthyLevel.parse("2")).isEqualTo(new HealthyLevel.Count(2));
        assertThat(HealthyLevel.parse("50%")).isEqualTo(new HealthyLevel.Share(50));
        assertThat(HealthyLevel.parse("50%")).hasToString("50%");
        assertThatThrownBy(() -> HealthyLevel.parse("101%")).hasMessageContaining("more than 100%");
        assertThatThrownBy(() -> HealthyLevel.parse("half")).hasMessageContaining("count like 2");
        assertThatThrownBy(() -> HealthyLevel.parse("-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShareIsRoundedUpToWholeServers() {
        assertThat(new HealthyLevel.Share(50).requiredOf(5)).isEqualTo(3);
        assertThat(new HealthyLevel.Share(50).requiredOf(4)).isEqualTo(2);
        assertThat(new HealthyLevel.Share(1).requiredOf(150)).isEqualTo(2);
        assertThat(new HealthyLevel.Share(100).requiredOf(7)).isEqualTo(7);
        assertThat(new HealthyLevel.Share(0).requiredOf(7)).isZero();
    }

    @Test
    void aShareCountsUnknownServersAsNotHealthy() {
        Report sixty = fiveAuthServersThreeHealthy(
                TestThresholds.typical().withMinHealthy(new HealthyLevel.Share(60)).thresholds());
        assertThat(sixty.verdict()).as("3 of 5 healthy meets 60%; the UNKNOWN server makes it partial")
                .isEqualTo(Verdict.WARNING);
        assertThat(sixty.services().getFirst().minimum()).isEqualTo(3);

        Report sixtyOne = fiveAuthServersThreeHealthy(
                TestThresholds.typical().withMinHealthy(new HealthyLevel.Share(61)).thresholds());
        assertThat(sixtyOne.verdict()).as("61% of 5 is 4 servers, the UNKNOWN one not among them")
                .isEqualTo(Verdict.CRITICAL);
        assertThat(sixtyOne.summary()).contains("below 61% healthy: Auth 3/5");
    }

    @Test
    void belowTheWarningLevelButAtTheMinimumIsWarning() {
        Thresholds thresholds = TestThresholds.typical().withMinHealthy(new HealthyLevel.Count(2))
                .withWarnHealthy(new HealthyLevel.Count(3)).thresholds();
        Report report = analyze(thresholds,
                new Measured("10.0.0.1", "Auth", 10, 10),
                new Measured("10.0.0.2", "Auth", 10, 10),
                new Measured("10.0.0.3", "Geo", 10, 10),
                new Measured("10.0.0.4", "Geo", 10, 10),
                new Measured("10.0.0.5", "Geo", 10, 10));

        assertThat(report.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(report.verdict().exitCode()).isEqualTo(1);
        assertThat(warningServices(report)).extracting(ServiceHealth::service).containsExactly("Auth");
        assertThat(report.unhealthyServices()).isEmpty();
        assertThat(report.summary()).contains("below the warning level 3 healthy: Auth 2/2");
    }

    @Test
    void belowTheMinimumIsCriticalWhateverTheWarningLevel() {
        Thresholds thresholds = TestThresholds.typical().withMinHealthy(new HealthyLevel.Share(50))
                .withWarnHealthy(new HealthyLevel.Share(80)).thresholds();
        Report report = fiveAuthServersThreeHealthy(thresholds);
        assertThat(report.services().getFirst().warnMinimum()).isEqualTo(4);
        assertThat(report.verdict()).as("3 of 5 meets 50% but not 80%").isEqualTo(Verdict.WARNING);
        assertThat(warningServices(report)).hasSize(1);

        Report critical = analyze(thresholds,
                new Measured("10.0.0.1", "Auth", 10, 10),
                new Measured("10.0.0.2", "Auth", 95, 10),
                new Measured("10.0.0.3", "Auth", 95, 10));
        assertThat(critical.verdict()).isEqualTo(Verdict.CRITICAL);
        assertThat(critical.verdict().exitCode()).isEqualTo(2);
        assertThat(warningServices(critical)).isEmpty();
    }

    @Test
    void anExpectedServiceWithNoServersIsCritical() {
        Thresholds thresholds = TestThresholds.typical().withExpectedServices(Set.of("Auth", "Billing")).thresholds();
        Report report = analyze(thresholds,
                new Measured("10.0.0.1", "Auth", 10, 10),
                new Measured("10.0.0.2", "Auth", 10, 10));

        assertThat(report.verdict()).isEqualTo(Verdict.CRITICAL);
        ServiceHealth billing = report.unhealthyServices().getFirst();
        assertThat(billing.service()).isEqualTo("Billing");
        assertThat(billing.isMissing()).isTrue();
        assertThat(report.summary()).isEqualTo("Billing: expected, but the cluster lists no server of it");
    }

    @Test
    void anExpectedServiceIsMissingEvenWithAShareOfZero() {
        Thresholds thresholds = TestThresholds.typical().withMinHealthy(new HealthyLevel.Share(0))
                .withExpectedServices(Set.of("Billing")).thresholds();

        Report report = analyze(thresholds, new Measured("10.0.0.1", "Auth", 10, 10));
        assertThat(report.verdict()).isEqualTo(Verdict.CRITICAL);
        assertThat(report.summary()).as("said as what happens, not as \"below 0% healthy\"")
                .isEqualTo("Billing: expected, but the cluster lists no server of it");
        assertThat(analyze(thresholds).verdict()).as("an empty cluster lacks the expected service too")
                .isEqualTo(Verdict.CRITICAL);
    }

    @Test
    void expectedServicesThatArePresentChangeNothing() {
        Thresholds thresholds = TestThresholds.typical().withExpectedServices(Set.of("Auth")).thresholds();
        Report report = analyze(thresholds,
                new Measured("10.0.0.1", "Auth", 10, 10),
                new Measured("10.0.0.2", "Auth", 10, 10));

        assertThat(report.verdict()).isEqualTo(Verdict.OK);
        assertThat(report.services()).hasSize(1);
    }

    private static ServiceLevels own(String min, String warn) {
        return new ServiceLevels(Optional.ofNullable(min).map(HealthyLevel::parse),
                Optional.ofNullable(warn).map(HealthyLevel::parse));
    }

    private Report authAndGeo(Thresholds thresholds) {
        return authAndGeo(thresholds, BreachStreaks.AT_ONCE);
    }

    /** Auth: 3 of 5 healthy; Geo: 2 of 2 healthy. */
    private Report authAndGeo(Thresholds thresholds, BreachStreaks streaks) {
        return analyze(thresholds, streaks,
                new Measured("10.0.0.1", "Auth", 10, 10),
                new Measured("10.0.0.2", "Auth", 10, 10),
                new Measured("10.0.0.3", "Auth", 10, 10),
                new Measured("10.0.0.4", "Auth", 95, 10),
                new Measured("10.0.0.5", "Auth", 95, 10),
                new Measured("10.0.0.6", "Geo", 10, 10),
                new Measured("10.0.0.7", "Geo", 10, 10));
    }

    private static ServiceHealth service(Report report, String name) {
        return report.services().stream().filter(s -> s.service().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aServiceWithItsOwnMinimumIsJudgedByItAndTheOthersByTheGlobalOne() {
        Thresholds thresholds = TestThresholds.typical().withServiceLevels(Map.of("Auth", own("4", null))).thresholds();
        Report report = authAndGeo(thresholds);

        assertThat(report.verdict()).isEqualTo(Verdict.CRITICAL);
        assertThat(service(report, "Auth").minimum()).isEqualTo(4);
        assertThat(service(report, "Geo").minimum()).isEqualTo(2);
        assertThat(report.unhealthyServices()).extracting(ServiceHealth::service).containsExactly("Auth");
        assertThat(report.summary()).isEqualTo("1 of 2 services below their minimum: Auth 3/5 (minimum 4)");

        assertThat(authAndGeo(TestThresholds.TYPICAL).verdict()).as("without it, 3 healthy meet the global 2")
                .isEqualTo(Verdict.OK);
    }

    @Test
    void anOwnMinimumCanBeLowerThanTheGlobalOne() {
        Thresholds thresholds = TestThresholds.typical().withMinHealthy(new HealthyLevel.Count(3))
                .withServiceLevels(Map.of("Geo", own("1", null))).thresholds();
        Report report = authAndGeo(thresholds);

        assertThat(report.verdict()).isEqualTo(Verdict.OK);
        assertThat(service(report, "Geo").minimum()).isEqualTo(1);
        assertThat(report.summary()).isEqualTo("all 2 services have at least 3 healthy servers, Geo at least 1");
    }

    @Test
    void anOwnWarningLevelWithoutAGlobalOneWarnsForThatServiceOnly() {
        Thresholds thresholds = TestThresholds.typical().withServiceLevels(Map.of("Auth", own(null, "80%")))
                .thresholds();
        Report report = authAndGeo(thresholds);

        assertThat(report.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(service(report, "Auth").warnMinimum()).as("80% of 5").isEqualTo(4);
        assertThat(service(report, "Auth").minimum()).as("the global minimum stays").isEqualTo(2);
        assertThat(service(report, "Geo").warnMinimum()).isEqualTo(2);
        assertThat(warningServices(report)).extracting(ServiceHealth::service).containsExactly("Auth");
        assertThat(report.summary()).isEqualTo("1 of 2 services below their warning level: Auth 3/5 (warning level 80%)");
    }

    @Test
    void anOwnMinimumKeepsTheGlobalWarningLevel() {
        Thresholds thresholds = TestThresholds.typical().withWarnHealthy(new HealthyLevel.Count(3))
                .withServiceLevels(Map.of("Geo", own("1", null))).thresholds();
        Report report = authAndGeo(thresholds);

        assertThat(service(report, "Geo").minimum()).isEqualTo(1);
        assertThat(service(report, "Geo").warnMinimum()).isEqualTo(3);
        assertThat(report.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(report.summary()).isEqualTo("1 of 2 services below their warning level: Geo 2/2 (warning level 3)");
    }

    @Test
    void listedServicesWithoutOwnLevelsAreSummedUpAsBefore() {
        Thresholds thresholds = TestThresholds.typical().withMinHealthy(new HealthyLevel.Count(3))
                .withServiceLevels(Map.of("Auth", own("1", null))).thresholds();

        assertThat(authAndGeo(thresholds).summary()).isEqualTo("1 of 2 services below 3 healthy: Geo 2/2");
    }

    @Test
    void anOkSummaryNamesBothLevelsWhenACountAndAShareBind() {
        Thresholds mixed = TestThresholds.typical().withMinHealthy(new HealthyLevel.Count(2))
                .withWarnHealthy(new HealthyLevel.Share(20)).thresholds();
        Thresholds sameKind = TestThresholds.typical().withMinHealthy(new HealthyLevel.Count(1))
                .withWarnHealthy(new HealthyLevel.Count(2)).thresholds();

        assertThat(authAndGeo(mixed).summary()).isEqualTo("all 2 services have at least 2 and 20% healthy servers");
        assertThat(authAndGeo(sameKind).summary()).as("a warning count above the minimum says it all")
                .isEqualTo("all 2 services have at least 2 healthy servers");
    }

    @Test
    void levelsForAServiceTheClusterDoesNotListDoNothing() {
        Thresholds thresholds = TestThresholds.typical().withServiceLevels(Map.of("Billing", own("5", "6")))
                .thresholds();
        Report report = authAndGeo(thresholds);

        assertThat(report.verdict()).isEqualTo(Verdict.OK);
        assertThat(report.services()).extracting(ServiceHealth::service).containsExactly("Auth", "Geo");
        assertThat(report.summary()).isEqualTo("all 2 services have at least 2 healthy servers");
    }

    @Test
    void levelsForAnExpectedServiceApplyToIt() {
        Thresholds thresholds = TestThresholds.typical().withExpectedServices(Set.of("Billing"))
                .withServiceLevels(Map.of("Billing", own("5", null))).thresholds();
        Report report = authAndGeo(thresholds);

        ServiceHealth billing = service(report, "Billing");
        assertThat(billing.isMissing()).isTrue();
        assertThat(billing.minimum()).isEqualTo(5);
        assertThat(report.verdict()).isEqualTo(Verdict.CRITICAL);
        assertThat(report.summary()).isEqualTo("Billing: expected, but the cluster lists no server of it");
    }

    @Test
    void aBreachHeldBackByForNamesTheServicesOwnMinimum() {
        Thresholds thresholds = TestThresholds.typical().withServiceLevels(Map.of("Auth", own("4", null))).thresholds();
        Report report = authAndGeo(thresholds, new BreachStreaks(3, Map.of()));

        assertThat(report.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(report.summary()).isEqualTo("1 of 2 services below their minimum, breach 1 of 3: Auth 3/5 (minimum 4)");
    }

    /** The services at or above their minimum but below the warning level. */
    private static List<ServiceHealth> warningServices(Report report) {
        return report.services().stream().filter(ServiceHealth::belowWarning).toList();
    }
}
