package dev.monitor.analysis;

/**
 * One service's servers summed up. The means cover only the servers that answered ({@code servers -
 * unknown}); they are NaN when none did.
 *
 * @param belowMinimum true when fewer than the minimum of its servers are known to be healthy
 */
public record ServiceHealth(String service, int servers, int healthy, int unknown, double meanCpu,
        double meanMemory, boolean belowMinimum) {

    /** Where servers go whose service was never learnt; it is listed, but has no minimum to meet. */
    public static final String UNKNOWN_SERVICE = "(unknown service)";

    public int measured() {
        return servers - unknown;
    }
}
