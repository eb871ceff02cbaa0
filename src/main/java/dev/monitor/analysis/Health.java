package dev.monitor.analysis;

/** A server's state against the thresholds. Only {@link #HEALTHY} counts towards a service's minimum. */
public enum Health {
    HEALTHY("Healthy"),
    UNHEALTHY("Unhealthy"),
    UNKNOWN("UNKNOWN");

    private final String label;

    Health(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
