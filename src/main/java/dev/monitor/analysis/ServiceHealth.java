package dev.monitor.analysis;

/**
 * One service's servers summed up: a service the API named (servers whose service was never learnt are in none).
 * The means cover only the servers that answered ({@code servers - unknown}); they are NaN when none did.
 *
 * @param minimum     the healthy servers it needs not to be CRITICAL (a share already worked out as a count)
 * @param warnMinimum the healthy servers it needs not to be WARNING; equal to {@code minimum} without a warning level
 * @param breach      how long it has been below its minimum, under {@code --for} (see {@link BreachStreaks}); else null
 */
public record ServiceHealth(String service, int servers, int healthy, int unknown, double meanCpu,
        double meanMemory, int minimum, int warnMinimum, Breach breach) {

    public ServiceHealth(String service, int servers, int healthy, int unknown, double meanCpu, double meanMemory,
            int minimum, int warnMinimum) {
        this(service, servers, healthy, unknown, meanCpu, meanMemory, minimum, warnMinimum, null);
    }

    /** An expected service that the cluster does not list at all. */
    public static ServiceHealth missing(String service, int minimum, int warnMinimum) {
        return new ServiceHealth(service, 0, 0, 0, Double.NaN, Double.NaN, minimum, warnMinimum);
    }

    public int measured() {
        return servers - unknown;
    }

    /**
     * The cpu percentages of the servers that answered, added up: shards add these up, and their sum over the
     * measured servers of them all is the mean. Exact: the mean is the sum divided once.
     */
    public long cpuSum() {
        return measured() == 0 ? 0 : Math.round(meanCpu * measured());
    }

    /** The memory percentages of the servers that answered, added up (see {@link #cpuSum()}). */
    public long memorySum() {
        return measured() == 0 ? 0 : Math.round(meanMemory * measured());
    }

    /** True when the cluster lists none of its servers: only an expected service can be in a report so. */
    public boolean isMissing() {
        return servers == 0;
    }

    /**
     * Fewer than the minimum of its servers are known to be healthy, or it has none at all: CRITICAL, unless
     * {@code --for} holds the breach back.
     */
    public boolean belowMinimum() {
        return isMissing() || healthy < minimum;
    }

    /** WARNING: at or above the minimum, but below the warning level. */
    public boolean belowWarning() {
        return !belowMinimum() && healthy < warnMinimum;
    }

    /**
     * WARNING: it meets its levels (a minimum of 0, or 0%), but none of its servers gave figures, so that says
     * nothing: a gate never passes on data it does not have.
     */
    public boolean withoutFigures() {
        return !belowMinimum() && !belowWarning() && measured() == 0;
    }

    public ServiceHealth withBreach(Breach breach) {
        return new ServiceHealth(service, servers, healthy, unknown, meanCpu, meanMemory, minimum, warnMinimum, breach);
    }

    /** Below its minimum, but held back as WARNING by {@code --for}. */
    public boolean breachHeldBack() {
        return breach != null && breach.heldBack();
    }

    /** The state as reported: a breach that {@code --for} holds back is WARNING. */
    public Verdict state() {
        return breachHeldBack() ? Verdict.WARNING : measuredState();
    }

    /** The state the thresholds give this one fetch, before {@code --for} holds a breach back. */
    public Verdict measuredState() {
        return belowMinimum() ? Verdict.CRITICAL : belowWarning() || withoutFigures() ? Verdict.WARNING : Verdict.OK;
    }
}
