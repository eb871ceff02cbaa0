package dev.monitor.cli;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

import dev.monitor.analysis.HealthyLevel;
import dev.monitor.analysis.ServiceLevels;
import dev.monitor.analysis.Thresholds;
import dev.monitor.analysis.Verdict;
import dev.monitor.history.VerdictHistory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** What counts as healthy, and what a run reports when it cannot tell. */
public class ThresholdOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--cpu-limit", paramLabel = "PERCENT",
            description = "A server is healthy only with cpu below this (default: ${DEFAULT-VALUE}).")
    int cpuLimit;

    @Option(names = "--memory-limit", paramLabel = "PERCENT",
            description = "A server is healthy only with memory below this (default: ${DEFAULT-VALUE}).")
    int memoryLimit;

    @Option(names = "--min-healthy", paramLabel = "N|P%", converter = HealthyLevelConverter.class,
            description = "A service with fewer healthy servers is CRITICAL: a count, or a share of its servers "
                    + "rounded up (default: ${DEFAULT-VALUE}).")
    HealthyLevel minHealthy;

    @Option(names = "--warn-healthy", paramLabel = "N|P%", converter = HealthyLevelConverter.class,
            description = "A service with fewer healthy servers, but at least --min-healthy, is WARNING.")
    HealthyLevel warnHealthy;

    @Option(names = "--service-min-healthy", paramLabel = "NAME=N|P%", converter = ServiceLevel.Converter.class,
            description = "This service's own --min-healthy, instead of the global one. Repeatable.")
    List<ServiceLevel> serviceMinHealthy;

    @Option(names = "--service-warn-healthy", paramLabel = "NAME=N|P%", converter = ServiceLevel.Converter.class,
            description = "This service's own --warn-healthy, instead of the global one. Repeatable.")
    List<ServiceLevel> serviceWarnHealthy;

    /** The selected context's per-service levels; the command line's beat them, service by service and level by level. */
    Map<String, ServiceLevels> contextServiceLevels = Map.of();

    @Option(names = "--expect-service", paramLabel = "NAME",
            description = "A service that must exist: with no servers at all it is CRITICAL. Repeatable.")
    List<String> expectedServices;

    @Option(names = "--unreachable-state", paramLabel = "STATE", converter = UnreachableStateConverter.class,
            completionCandidates = UnreachableStates.class,
            description = "The state when the API cannot be read and no saved snapshot stands in: "
                    + "unknown, critical or warning (default: ${DEFAULT-VALUE}).")
    Verdict unreachableState;

    @Option(names = "--for", paramLabel = "N",
            description = "A service below --min-healthy is CRITICAL only once N fresh fetches in a row found it so; "
                    + "before that WARNING, \"breach k of N\" (default: ${DEFAULT-VALUE}).")
    int breachesFor;

    public Thresholds thresholds() {
        requirePercentage("--cpu-limit", cpuLimit);
        requirePercentage("--memory-limit", memoryLimit);
        SortedMap<String, ServiceLevels> own;
        try {
            own = ServiceLevel.over(contextServiceLevels, serviceMinHealthy, serviceWarnHealthy);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Thresholds thresholds = new Thresholds(cpuLimit, memoryLimit, minHealthy, Optional.ofNullable(warnHealthy),
                expectedServices == null ? Set.of() : new LinkedHashSet<>(expectedServices), own);
        misorderedLevel(thresholds).ifPresent(problem -> {
            throw new ParameterException(spec.commandLine(), problem);
        });
        return thresholds;
    }

    /**
     * A warning count below the minimum count it should be above, globally or for a service with levels of its own
     * (against the global level it does not replace), in the options' words. With a share on either side the
     * higher of the two applies, service by service, so that is no conflict.
     */
    static Optional<String> misorderedLevel(Thresholds thresholds) {
        if (below(thresholds.warnHealthy(), thresholds.minHealthy())) {
            return Optional.of("--warn-healthy " + thresholds.warnHealthy().orElseThrow() + " is below --min-healthy "
                    + thresholds.minHealthy() + ": the warning level must be the higher one");
        }
        for (Map.Entry<String, ServiceLevels> entry : thresholds.serviceLevels().entrySet()) {
            String service = entry.getKey();
            Optional<HealthyLevel> warn = thresholds.warnHealthyOf(service);
            HealthyLevel min = thresholds.minHealthyOf(service);
            if (below(warn, min)) {
                return Optional.of((entry.getValue().warnHealthy().isPresent() ? "--service-warn-healthy " + service + "="
                        : "--warn-healthy ") + warn.orElseThrow() + " is below "
                        + (entry.getValue().minHealthy().isPresent() ? "--service-min-healthy " + service + "="
                                : "--min-healthy ")
                        + min + ": the warning level must be the higher one");
            }
        }
        return Optional.empty();
    }

    private static boolean below(Optional<HealthyLevel> warn, HealthyLevel min) {
        return warn.orElse(null) instanceof HealthyLevel.Count w && min instanceof HealthyLevel.Count m
                && w.servers() < m.servers();
    }

    /** The verdict of a run that has no data at all because the API could not be read. */
    public Verdict unreachableState() {
        return unreachableState;
    }

    /** {@code --for}: at most what the verdict history keeps, so that it can always be counted. */
    public int breachesFor() {
        if (breachesFor < 1 || breachesFor > VerdictHistory.LIMIT) {
            throw new ParameterException(spec.commandLine(), "--for must be between 1 and " + VerdictHistory.LIMIT
                    + " (the fresh fetches the history keeps), not " + breachesFor);
        }
        return breachesFor;
    }

    private void requirePercentage(String option, int value) {
        if (value < 0 || value > 100) {
            throw new ParameterException(spec.commandLine(), option + " must be between 0 and 100, not " + value);
        }
    }

    static final class UnreachableStates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("unknown", "critical", "warning").iterator();
        }
    }
}
