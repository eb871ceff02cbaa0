package dev.monitor.cli;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.monitor.analysis.HealthyLevel;
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
        if (warnHealthy != null && minHealthy instanceof HealthyLevel.Count min
                && warnHealthy instanceof HealthyLevel.Count warn && warn.servers() < min.servers()) {
            throw new ParameterException(spec.commandLine(), "--warn-healthy " + warn
                    + " is below --min-healthy " + min + ": the warning level must be the higher one");
        }
        return new Thresholds(cpuLimit, memoryLimit, minHealthy, Optional.ofNullable(warnHealthy),
                expectedServices == null ? Set.of() : new LinkedHashSet<>(expectedServices));
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
