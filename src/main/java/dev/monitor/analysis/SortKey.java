package dev.monitor.analysis;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

import dev.monitor.snapshot.Server;

/**
 * {@code --sort-by}: the order of the server rows and of the per-service lines. Numbers sort as numbers,
 * ascending, with servers or services that have no figure last; ties keep the default order (service, then
 * address).
 */
public enum SortKey {
    IP(Comparator.comparingLong(row -> AddressOrder.key(row.ip())), Comparator.comparing(ServiceHealth::service)),
    /** Servers of no known service last, as by default. */
    SERVICE(Comparator.comparing(row -> row.server().service(), Comparator.nullsLast(Comparator.naturalOrder())),
            Comparator.comparing(ServiceHealth::service)),
    CPU(byFigure(true), byMean(ServiceHealth::meanCpu)),
    MEMORY(byFigure(false), byMean(ServiceHealth::meanMemory)),
    /** Healthy, Unhealthy, UNKNOWN; services that meet their minimum before those that do not. */
    STATUS(Comparator.comparing(ServerRow::health), Comparator.comparing(ServiceHealth::belowMinimum));

    private final Comparator<ServerRow> rows;
    private final Comparator<ServiceHealth> services;

    SortKey(Comparator<ServerRow> rows, Comparator<ServiceHealth> services) {
        this.rows = rows;
        this.services = services;
    }

    /** The same report with its rows and services in this order (stable, so ties keep the default order). */
    public Report apply(Report report) {
        List<ServerRow> sortedRows = report.rows().stream().sorted(rows).toList();
        List<ServiceHealth> sortedServices = report.services().stream().sorted(services).toList();
        return new Report(report.snapshot(), report.age(), report.stale(), report.thresholds(), sortedRows,
                sortedServices, report.verdict(), report.summary(), report.breachesFor());
    }

    private static Comparator<ServerRow> byFigure(boolean cpu) {
        return Comparator.comparingInt(row -> row.server() instanceof Server.Measured m
                ? (cpu ? m.cpu() : m.memory())
                : Integer.MAX_VALUE);
    }

    /** NaN (no server measured) sorts last, as {@link Double#compare} already puts it. */
    private static Comparator<ServiceHealth> byMean(ToDoubleFunction<ServiceHealth> mean) {
        return Comparator.comparingDouble(mean);
    }
}
