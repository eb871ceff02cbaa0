package dev.monitor.testing;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.monitor.analysis.HealthyLevel;
import dev.monitor.analysis.ServiceLevels;
import dev.monitor.analysis.Thresholds;

/**
 * The thresholds a test judges by, stated here for the tests: cpu and memory below 80, at least 2 healthy servers
 * a service, no warning level, no service expected. Not the defaults of a run, which application.properties alone
 * holds; a test that changes one level says so: {@code TestThresholds.typical().withMinHealthy(...).thresholds()}.
 */
public record TestThresholds(HealthyLevel minHealthy, Optional<HealthyLevel> warnHealthy,
        Set<String> expectedServices, Map<String, ServiceLevels> serviceLevels) {

    public static final Thresholds TYPICAL = typical().thresholds();

    public static TestThresholds typical() {
        return new TestThresholds(new HealthyLevel.Count(2), Optional.empty(), Set.of(), Map.of());
    }

    public TestThresholds withMinHealthy(HealthyLevel level) {
        return new TestThresholds(level, warnHealthy, expectedServices, serviceLevels);
    }

    public TestThresholds withWarnHealthy(HealthyLevel level) {
        return new TestThresholds(minHealthy, Optional.of(level), expectedServices, serviceLevels);
    }

    public TestThresholds withExpectedServices(Set<String> services) {
        return new TestThresholds(minHealthy, warnHealthy, services, serviceLevels);
    }

    public TestThresholds withServiceLevels(Map<String, ServiceLevels> levels) {
        return new TestThresholds(minHealthy, warnHealthy, expectedServices, levels);
    }

    public Thresholds thresholds() {
        return new Thresholds(80, 80, minHealthy, warnHealthy, expectedServices, new TreeMap<>(serviceLevels));
    }
}
