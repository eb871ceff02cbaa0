package dev.monitor.analysis;

/**
 * What healthy means: a server is healthy when its cpu and memory are both below their limits, and a
 * service is healthy when at least {@code minHealthy} of its servers are.
 */
public record Thresholds(int cpuLimit, int memoryLimit, int minHealthy) {

    public static final Thresholds DEFAULTS = new Thresholds(80, 80, 2);
}
