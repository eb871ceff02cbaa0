package dev.monitor.cli;

import dev.monitor.analysis.Thresholds;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** What counts as healthy. */
public class ThresholdOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--cpu-limit", paramLabel = "PERCENT",
            description = "A server is healthy only with cpu below this (default: ${DEFAULT-VALUE}).")
    int cpuLimit;

    @Option(names = "--memory-limit", paramLabel = "PERCENT",
            description = "A server is healthy only with memory below this (default: ${DEFAULT-VALUE}).")
    int memoryLimit;

    @Option(names = "--min-healthy", paramLabel = "N",
            description = "A service with fewer healthy servers is CRITICAL (default: ${DEFAULT-VALUE}).")
    int minHealthy;

    public Thresholds thresholds() {
        requirePercentage("--cpu-limit", cpuLimit);
        requirePercentage("--memory-limit", memoryLimit);
        if (minHealthy < 0) {
            throw new ParameterException(spec.commandLine(), "--min-healthy must be 0 or more, not " + minHealthy);
        }
        return new Thresholds(cpuLimit, memoryLimit, minHealthy);
    }

    private void requirePercentage(String option, int value) {
        if (value < 0 || value > 100) {
            throw new ParameterException(spec.commandLine(), option + " must be between 0 and 100, not " + value);
        }
    }
}
