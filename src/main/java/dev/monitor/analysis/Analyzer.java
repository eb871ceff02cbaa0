package dev.monitor.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Snapshot;

/**
 * Turns a snapshot into a {@link Report}: each server's health, each service's counts and means, and
 * the verdict. Pure functions of its arguments: no I/O, no clock, no configuration of its own.
 */
@ApplicationScoped
public class Analyzer {

    public Health healthOf(Server server, Thresholds thresholds) {
        return switch (server) {
            case Server.Measured m -> m.cpu() < thresholds.cpuLimit() && m.memory() < thresholds.memoryLimit()
                    ? Health.HEALTHY
                    : Health.UNHEALTHY;
            case Server.Unknown u -> Health.UNKNOWN;
        };
    }

    /**
     * @param now   the time the report is made, for the snapshot's age
     * @param stale why older data than asked for is shown, or null
     */
    public Report analyze(Snapshot snapshot, Thresholds thresholds, Instant now, String stale) {
        ServerRow[] rows = new ServerRow[snapshot.servers().size()];
        Map<String, ServiceTally> tallies = new HashMap<>();
        int i = 0;
        for (Server server : snapshot.servers()) {
            ServerRow row = new ServerRow(server, healthOf(server, thresholds));
            rows[i++] = row;
            tallies.computeIfAbsent(row.service(), ServiceTally::new).add(row);
        }
        sortByServiceThenAddress(rows);
        for (String expected : thresholds.expectedServices()) {
            tallies.computeIfAbsent(expected, ServiceTally::new);
        }
        List<ServiceHealth> services = tallies.values().stream()
                .map(tally -> tally.summary(thresholds))
                .sorted(Comparator.comparing(ServiceHealth::service))
                .toList();
        Duration age = snapshot.ageAt(now);
        Verdict verdict = verdict(rows.length, services, stale);
        return new Report(snapshot, age, stale, thresholds, Arrays.asList(rows), services, verdict,
                summary(verdict, rows.length, services, thresholds, stale, age));
    }

    /** An expected service that is missing is CRITICAL even when the cluster lists no servers at all. */
    private static Verdict verdict(int servers, List<ServiceHealth> services, String stale) {
        if (services.stream().anyMatch(ServiceHealth::belowMinimum)) {
            return Verdict.CRITICAL;
        }
        if (servers == 0) {
            return Verdict.UNKNOWN;
        }
        boolean partial = services.stream().anyMatch(s -> s.unknown() > 0);
        boolean belowWarning = services.stream().anyMatch(ServiceHealth::belowWarning);
        return partial || belowWarning || stale != null ? Verdict.WARNING : Verdict.OK;
    }

    private static String summary(Verdict verdict, int servers, List<ServiceHealth> services,
            Thresholds thresholds, String stale, Duration age) {
        List<ServiceHealth> below = services.stream().filter(ServiceHealth::belowMinimum).toList();
        List<ServiceHealth> warned = services.stream().filter(ServiceHealth::belowWarning).toList();
        List<String> parts = new ArrayList<>();
        if (servers == 0) {
            parts.add("the cluster lists no servers");
        }
        if (!below.isEmpty()) {
            parts.add(below.size() + " of " + services.size() + " services below " + thresholds.minHealthy()
                    + " healthy: " + counts(below));
        }
        if (!warned.isEmpty()) {
            parts.add(warned.size() + " of " + services.size() + " services below the warning level "
                    + thresholds.warnHealthy().orElseThrow() + " healthy: " + counts(warned));
        }
        if (servers > 0 && below.isEmpty() && warned.isEmpty()) {
            parts.add("all " + services.size() + " services have at least "
                    + thresholds.warnHealthy().orElse(thresholds.minHealthy()) + " healthy servers");
        }
        int unknown = services.stream().mapToInt(ServiceHealth::unknown).sum();
        if (unknown > 0) {
            parts.add(unknown + " of " + servers + " servers UNKNOWN");
        }
        if (stale != null) {
            parts.add("stale data, " + Durations.format(age) + " old: " + stale);
        }
        return String.join("; ", parts);
    }

    /** {@code Auth 1/2}, or {@code Auth missing} for an expected service the cluster does not list. */
    private static String counts(List<ServiceHealth> services) {
        return services.stream()
                .map(s -> s.service() + (s.isMissing() ? " missing" : " " + s.healthy() + "/" + s.servers()))
                .collect(Collectors.joining(", "));
    }

    /** Service by name, then address by numeric value (10.58.1.2 before 10.58.1.10). */
    private static void sortByServiceThenAddress(ServerRow[] rows) {
        record Keyed(ServerRow row, long address) {
        }
        Keyed[] keyed = new Keyed[rows.length];
        for (int i = 0; i < rows.length; i++) {
            keyed[i] = new Keyed(rows[i], AddressOrder.key(rows[i].ip()));
        }
        Arrays.sort(keyed, Comparator.comparing((Keyed k) -> k.row().service())
                .thenComparingLong(Keyed::address)
                .thenComparing(k -> k.row().ip()));
        for (int i = 0; i < rows.length; i++) {
            rows[i] = keyed[i].row();
        }
    }

    /** Counts one service's servers as they are added. */
    private static final class ServiceTally {
        private final String service;
        private int servers;
        private int healthy;
        private int unknown;
        private long cpuSum;
        private long memorySum;

        ServiceTally(String service) {
            this.service = service;
        }

        void add(ServerRow row) {
            servers++;
            switch (row.health()) {
                case HEALTHY -> healthy++;
                case UNKNOWN -> unknown++;
                case UNHEALTHY -> {
                }
            }
            if (row.server() instanceof Server.Measured m) {
                cpuSum += m.cpu();
                memorySum += m.memory();
            }
        }

        ServiceHealth summary(Thresholds thresholds) {
            int measured = servers - unknown;
            if (ServiceHealth.UNKNOWN_SERVICE.equals(service)) {
                return new ServiceHealth(service, servers, healthy, unknown, mean(cpuSum, measured),
                        mean(memorySum, measured), 0, 0);
            }
            int minimum = thresholds.minHealthy().requiredOf(servers);
            int warnMinimum = Math.max(minimum, thresholds.warnHealthy().map(w -> w.requiredOf(servers)).orElse(0));
            return new ServiceHealth(service, servers, healthy, unknown, mean(cpuSum, measured),
                    mean(memorySum, measured), minimum, warnMinimum);
        }

        private static double mean(long sum, int count) {
            return count == 0 ? Double.NaN : (double) sum / count;
        }
    }
}
