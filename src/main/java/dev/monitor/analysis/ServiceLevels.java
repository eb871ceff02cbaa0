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

    /** These levels, and {@code base}'s where these have none: a flag's level over a context's, level by level. */
    public ServiceLevels over(ServiceLevels base) {
        return new ServiceLevels(minHealthy.or(base::minHealthy), warnHealthy.or(base::warnHealthy));
    }
}
