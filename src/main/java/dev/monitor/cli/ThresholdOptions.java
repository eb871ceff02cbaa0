package dev.monitor.cli;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.monitor.analysis.HealthyLevel;
import dev.monitor.analysis.Thresholds;
import dev.monitor.analysis.Verdict;
import dev.monitor.cli.ContextOptions.Selected;
import dev.monitor.history.VerdictHistory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
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

    @Option(names = "--service-min-healthy", paramLabel = "NAME=N|P%",
            converter = ServiceLevelArgument.Converter.class,
            description = "This service's own --min-healthy, instead of the global one. Repeatable.")
    List<ServiceLevelArgument> serviceMinHealthy;

    @Option(names = "--service-warn-healthy", paramLabel = "NAME=N|P%",
            converter = ServiceLevelArgument.Converter.class,
            description = "This service's own --warn-healthy, instead of the global one. Repeatable.")
    List<ServiceLevelArgument> serviceWarnHealthy;

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

    /**
     * @param context the selected context, whose levels stand in for those the command line leaves out (each
     *                named by where it came from, should they disagree), and whose expected services stand in for
     *                an {@code --expect-service} not typed
     */
    public Thresholds thresholds(Optional<Selected> context) {
        requirePercentage("--cpu-limit", cpuLimit);
        requirePercentage("--memory-limit", memoryLimit);
        List<String> expectedServices = ContextOptions.unlessTyped(spec, context,
                entry -> entry.expectServices().isEmpty() ? null : entry.expectServices(), this.expectedServices,
                "--expect-service");
        if (expectedServices != null && expectedServices.stream().anyMatch(String::isBlank)) {
            // It would be a service no cluster lists, CRITICAL on every run.
            throw new ParameterException(spec.commandLine(), "--expect-service needs a service name, not '"
                    + expectedServices.stream().filter(String::isBlank).findFirst().orElseThrow() + "'");
        }
        ParseResult given = spec.commandLine().getParseResult();
        boolean typedMin = given.hasMatchedOption("--min-healthy");
        boolean typedWarn = given.hasMatchedOption("--warn-healthy");
        // An option not typed holds its default in force ($MONITOR_MIN_HEALTHY, application.properties), if any.
        Optional<HealthyLevel> min = Optional.ofNullable(minHealthy);
        Optional<HealthyLevel> warn = Optional.ofNullable(warnHealthy);
        try {
            LevelSources.Given typed = new LevelSources.Given(min.filter(level -> typedMin),
                    warn.filter(level -> typedWarn),
                    ServiceLevelArgument.byService(serviceMinHealthy, serviceWarnHealthy));
            LevelSources.Given defaults = new LevelSources.Given(min.filter(level -> !typedMin),
                    warn.filter(level -> !typedWarn), Map.of());
            LevelSources.Given saved = context.map(selected -> LevelSources.Given.of(selected.context()))
                    .orElse(LevelSources.Given.NONE);
            return new LevelSources(typed, context.map(Selected::name).orElse(null), saved, defaults).thresholds(
                    cpuLimit, memoryLimit, expectedServices == null ? Set.of() : new LinkedHashSet<>(expectedServices));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
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
