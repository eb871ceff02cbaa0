package dev.monitor.analysis;

import java.util.Optional;
import java.util.Set;

/**
 * What healthy means: a server is healthy when its cpu and memory are both below their limits; a service
 * is CRITICAL with fewer than {@code minHealthy} healthy servers, WARNING with fewer than
 * {@code warnHealthy}; and every service in {@code expectedServices} must exist.
 *
 * @param warnHealthy the WARNING level, above the critical one; empty for none
 */
public record Thresholds(int cpuLimit, int memoryLimit, HealthyLevel minHealthy, Optional<HealthyLevel> warnHealthy,
        Set<String> expectedServices) {

    public static final Thresholds DEFAULTS = new Thresholds(80, 80, new HealthyLevel.Count(2), Optional.empty(),
            Set.of());

    public Thresholds {
        expectedServices = Set.copyOf(expectedServices);
    }

    public Thresholds withMinHealthy(HealthyLevel level) {
        return new Thresholds(cpuLimit, memoryLimit, level, warnHealthy, expectedServices);
    }

    public Thresholds withWarnHealthy(HealthyLevel level) {
        return new Thresholds(cpuLimit, memoryLimit, minHealthy, Optional.of(level), expectedServices);
    }

    public Thresholds withExpectedServices(Set<String> services) {
        return new Thresholds(cpuLimit, memoryLimit, minHealthy, warnHealthy, services);
    }
}
