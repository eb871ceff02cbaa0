package dev.monitor.analysis;

import java.util.Optional;

/**
 * A service's own healthy levels ({@code --service-min-healthy AuthService=3}), each standing in for the global
 * one for that service only; empty where the global level applies.
 */
public record ServiceLevels(Optional<HealthyLevel> minHealthy, Optional<HealthyLevel> warnHealthy) {

    public static final ServiceLevels NONE = new ServiceLevels(Optional.empty(), Optional.empty());

    public ServiceLevels withMinHealthy(HealthyLevel level) {
        return new ServiceLevels(Optional.of(level), warnHealthy);
    }

    public ServiceLevels withWarnHealthy(HealthyLevel level) {
        return new ServiceLevels(minHealthy, Optional.of(level));
    }
}
