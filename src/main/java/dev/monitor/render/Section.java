package dev.monitor.render;

/** The reports a run can ask for, in the order they are printed. */
public enum Section {
    /** {@code --printservers}: one row per server. */
    SERVERS,
    /** {@code --avg}: per-service counts and mean figures. */
    AVERAGES,
    /** {@code --unhealthyservices}: the services below their minimum of healthy servers. */
    UNHEALTHY
}
