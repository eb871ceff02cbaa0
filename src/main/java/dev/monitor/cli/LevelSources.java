package dev.monitor.cli;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import dev.monitor.analysis.HealthyLevel;
import dev.monitor.analysis.ServiceLevels;
import dev.monitor.analysis.Thresholds;
import dev.monitor.context.ClusterContext;

/**
 * A run's healthy levels, each from the first of its sources that gives it: the command line, the selected
 * context, the defaults in force. Knowing which source gave each level, it words a refusal as the user gave the
 * levels: a flag as typed, a context's level by its key in the file (with the context's name), a default as the
 * default. A run checks its levels here, and {@code context add} checks a context as a run of it would, so the
 * two cannot disagree.
 *
 * @param context the selected context's name, or null for none
 */
record LevelSources(Given typed, String context, Given saved, Given defaults) {

    /** The levels one source gives, each empty (a service: no entry) where it gives none. */
    record Given(Optional<HealthyLevel> minHealthy, Optional<HealthyLevel> warnHealthy,
            Map<String, ServiceLevels> services) {

        static final Given NONE = new Given(Optional.empty(), Optional.empty(), Map.of());

        static Given of(ClusterContext context) {
            return new Given(context.minHealthy(), context.warnHealthy(), context.services());
        }

        /** The global levels for a null service, else that service's own. */
        ServiceLevels levelsOf(String service) {
            return service == null ? new ServiceLevels(minHealthy, warnHealthy)
                    : services.getOrDefault(service, ServiceLevels.NONE);
        }
    }

    private enum Kind {
        MIN("min-healthy", ServiceLevels::minHealthy), WARN("warn-healthy", ServiceLevels::warnHealthy);

        final String key;
        final Function<ServiceLevels, Optional<HealthyLevel>> of;

        Kind(String key, Function<ServiceLevels, Optional<HealthyLevel>> of) {
            this.key = key;
            this.of = of;
        }
    }

    private enum Source { FLAG, CONTEXT, DEFAULT }

    /** One level in force: the global one (service null) or a service's own. */
    private record Level(Kind kind, String service, HealthyLevel value) {
    }

    /**
     * The levels in force, a service's own ones level by level: {@code --service-min-healthy A=3} replaces the
     * context's minimum of A and keeps its warning level.
     *
     * @throws IllegalArgumentException when a warning count is below the minimum count it must be above, in the
     *                                  user's words
     */
    Thresholds thresholds(int cpuLimit, int memoryLimit, Set<String> expectedServices) {
        SortedMap<String, ServiceLevels> own = new TreeMap<>(saved.services());
        typed.services().forEach((service, levels) -> own.merge(service, levels,
                (fromContext, fromFlags) -> fromFlags.over(fromContext)));
        HealthyLevel min = first(Kind.MIN).orElseThrow(
                () -> new IllegalArgumentException("--min-healthy has no value, not even a default: give one"));
        Thresholds thresholds = new Thresholds(cpuLimit, memoryLimit, min, first(Kind.WARN), expectedServices, own);
        misordered(thresholds).ifPresent(refusal -> {
            throw new IllegalArgumentException(refusal);
        });
        return thresholds;
    }

    private Optional<HealthyLevel> first(Kind kind) {
        return kind.of.apply(typed.levelsOf(null))
                .or(() -> kind.of.apply(saved.levelsOf(null)))
                .or(() -> kind.of.apply(defaults.levelsOf(null)));
    }

    /**
     * A warning count below the minimum count it should be above, globally or for a service with levels of its own
     * (against the global level it does not replace). With a share on either side the higher of the two applies,
     * service by service, so that is no conflict.
     */
    private Optional<String> misordered(Thresholds thresholds) {
        if (below(thresholds.warnHealthy(), thresholds.minHealthy())) {
            return Optional.of(refusal(new Level(Kind.WARN, null, thresholds.warnHealthy().orElseThrow()),
                    new Level(Kind.MIN, null, thresholds.minHealthy())));
        }
        for (Map.Entry<String, ServiceLevels> entry : thresholds.serviceLevels().entrySet()) {
            String service = entry.getKey();
            Optional<HealthyLevel> warn = thresholds.warnHealthyOf(service);
            HealthyLevel min = thresholds.minHealthyOf(service);
            if (below(warn, min)) {
                ServiceLevels own = entry.getValue();
                return Optional.of(refusal(new Level(Kind.WARN, own.warnHealthy().isPresent() ? service : null,
                        warn.orElseThrow()), new Level(Kind.MIN, own.minHealthy().isPresent() ? service : null, min)));
            }
        }
        return Optional.empty();
    }

    private static boolean below(Optional<HealthyLevel> warn, HealthyLevel min) {
        return warn.orElse(null) instanceof HealthyLevel.Count w && min instanceof HealthyLevel.Count m
                && w.servers() < m.servers();
    }

    /** Names the context when it gave either level: the user may never have typed them. */
    private String refusal(Level warn, Level min) {
        boolean fromContext = sourceOf(warn) == Source.CONTEXT || sourceOf(min) == Source.CONTEXT;
        return (fromContext ? "context '" + context + "': " : "") + words(warn) + " is below " + words(min)
                + ": the warning level must be the higher one";
    }

    private Source sourceOf(Level level) {
        if (level.kind().of.apply(typed.levelsOf(level.service())).isPresent()) {
            return Source.FLAG;
        }
        return level.kind().of.apply(saved.levelsOf(level.service())).isPresent() ? Source.CONTEXT : Source.DEFAULT;
    }

    /** {@code --service-min-healthy AuthService=3}, {@code min-healthy 3 of service 'AuthService'}, ... */
    private String words(Level level) {
        String key = level.kind().key;
        String service = level.service();
        return switch (sourceOf(level)) {
            case FLAG -> service == null ? "--" + key + " " + level.value()
                    : "--service-" + key + " " + service + "=" + level.value();
            case CONTEXT -> key + " " + level.value() + (service == null ? "" : " of service '" + service + "'");
            case DEFAULT -> "the default " + key + " " + level.value();
        };
    }
}
