package dev.monitor.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Snapshot;
import dev.monitor.text.Listing;

/**
 * Turns a snapshot into a {@link Report}: each server's health, each service's counts and means, its state
 * under {@code --for}, and the verdict. Pure functions of its arguments: no I/O, no clock, no configuration of its
 * own; the past streaks {@code --for} counts on are given, not read.
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

    /** A report judged at once, as with {@code --for 1}: for data no verdict history counts. */
    public Report analyze(Snapshot snapshot, Thresholds thresholds, Instant now, String stale) {
        return analyze(snapshot, thresholds, BreachStreaks.AT_ONCE, now, stale);
    }

    /**
     * @param streaks {@code --for}: how long each service had been below its minimum before this data, so that a
     *                breach shorter than N is held back as WARNING
     * @param now     the time the report is made, for the snapshot's age
     * @param stale   why older data than asked for is shown, or null
     */
    public Report analyze(Snapshot snapshot, Thresholds thresholds, BreachStreaks streaks, Instant now,
            String stale) {
        List<Server> servers = snapshot.servers();
        ServerRow[] rows = new ServerRow[servers.size()];
        ServiceTally[] tallyOf = new ServiceTally[rows.length];
        long[] addresses = new long[rows.length];
        Map<String, ServiceTally> tallies = new HashMap<>();
        // Servers whose service was never learnt: in no service, judged by none, and listed after them all.
        ServiceTally noKnownService = new ServiceTally(null);
        for (int i = 0; i < rows.length; i++) {
            Server server = servers.get(i);
            rows[i] = new ServerRow(server, healthOf(server, thresholds));
            tallyOf[i] = server.service() == null ? noKnownService
                    : tallies.computeIfAbsent(server.service(), ServiceTally::new);
            addresses[i] = AddressOrder.key(rows[i].ip());
            tallyOf[i].add(rows[i], addresses[i]);
        }
        for (int i = 0; i < rows.length; i++) {
            tallyOf[i].place(i, addresses[i]);
        }
        for (String expected : thresholds.expectedServices()) {
            tallies.computeIfAbsent(expected, ServiceTally::new);
        }
        // Service by name, then address by numeric value: sorting the few services by name and each service's
        // rows by a number is several times faster at a million servers than comparing names row by row.
        List<ServiceTally> byName = tallies.values().stream()
                .sorted(Comparator.comparing(ServiceTally::service))
                .toList();
        ServerRow[] sorted = new ServerRow[rows.length];
        int next = 0;
        for (ServiceTally tally : byName) {
            next = tally.putInAddressOrder(rows, sorted, next);
        }
        noKnownService.putInAddressOrder(rows, sorted, next);
        List<ServiceHealth> services = byName.stream().map(tally -> tally.summary(thresholds, streaks)).toList();
        Duration age = snapshot.ageAt(now);
        boolean emptyShard = rows.length == 0 && !snapshot.shard().isWhole();
        Verdict verdict = verdict(services, emptyShard, noKnownService.servers, stale);
        String summary = summary(verdict, rows.length, emptyShard, services, noKnownService.servers, thresholds,
                stale, age);
        // A shard judges its share only, and every format that gives the summary says so.
        return new Report(snapshot, age, stale, thresholds, Arrays.asList(sorted), services, verdict,
                snapshot.shard().prefixed(summary), streaks.required());
    }

    /**
     * An expected service that is missing is CRITICAL even when the cluster lists no servers at all, or none gave
     * figures; else without figures there is no data. A shard that holds none of the servers listed read the API
     * and has nothing to judge: no data, but no failure either, so WARNING. Servers of no known service are
     * UNKNOWN: they never make a verdict better than WARNING.
     */
    private static Verdict verdict(List<ServiceHealth> services, boolean emptyShard, int noKnownService,
            String stale) {
        if (services.stream().anyMatch(s -> s.state() == Verdict.CRITICAL)) {
            return Verdict.CRITICAL;
        }
        if (measured(services) == 0) {
            return emptyShard ? Verdict.WARNING : Verdict.UNKNOWN;
        }
        boolean partial = noKnownService > 0 || services.stream().anyMatch(s -> s.unknown() > 0);
        boolean warned = services.stream().anyMatch(s -> s.state() == Verdict.WARNING);
        return partial || warned || stale != null ? Verdict.WARNING : Verdict.OK;
    }

    private static String summary(Verdict verdict, int servers, boolean emptyShard, List<ServiceHealth> judged,
            int noKnownService, Thresholds thresholds, String stale, Duration age) {
        List<ServiceHealth> missing = judged.stream().filter(ServiceHealth::isMissing).toList();
        List<ServiceHealth> below = judged.stream().filter(s -> s.state() == Verdict.CRITICAL && !s.isMissing())
                .toList();
        List<ServiceHealth> heldBack = judged.stream().filter(s -> s.breachHeldBack() && !s.isMissing()).toList();
        List<ServiceHealth> warned = judged.stream().filter(ServiceHealth::belowWarning).toList();
        List<ServiceHealth> withoutFigures = judged.stream().filter(ServiceHealth::withoutFigures).toList();
        List<String> parts = new ArrayList<>();
        if (emptyShard) {
            parts.add("none of the servers the cluster lists falls in this shard");
        } else if (servers == 0) {
            parts.add("the cluster lists no servers");
        } else if (measured(judged) == 0) {
            parts.add("no server gave usable figures");
        }
        // An expected service without servers is said as what it is: "below 0 healthy" would say nothing.
        missing.stream()
                .collect(Collectors.groupingBy(s -> s.breachHeldBack() ? ", " + s.breach() : "", TreeMap::new,
                        Collectors.mapping(ServiceHealth::service, Collectors.toList())))
                .forEach((breach, services) -> parts.add(Listing.of(services)
                        + ": expected, but the cluster lists no server of " + (services.size() == 1 ? "it" : "them")
                        + breach));
        if (!below.isEmpty()) {
            parts.add(below.size() + " of " + judged.size() + " services below "
                    + levels(below, "minimum", "", thresholds::minHealthyOf, thresholds));
        }
        // Longest breach first, each said once for the services it holds back: "breach 2 of 3: Auth 1/2, Geo 0/3".
        heldBack.stream()
                .collect(Collectors.groupingBy(ServiceHealth::breach,
                        () -> new TreeMap<>(Comparator.comparingInt(Breach::count).reversed()), Collectors.toList()))
                .forEach((breach, group) -> parts.add(group.size() + " of " + judged.size() + " services below "
                        + levels(group, "minimum", ", " + breach, thresholds::minHealthyOf, thresholds)));
        if (!warned.isEmpty()) {
            parts.add(warned.size() + " of " + judged.size() + " services below "
                    + levels(warned, "warning level", "", s -> thresholds.warnHealthyOf(s).orElseThrow(), thresholds));
        }
        if (!withoutFigures.isEmpty()) {
            parts.add(withoutFigures.size() + " of " + judged.size() + " services without figures from any server: "
                    + counts(withoutFigures, s -> ""));
        }
        // "Healthy" only of services judged on figures.
        if (measured(judged) > 0 && missing.isEmpty() && below.isEmpty() && heldBack.isEmpty() && warned.isEmpty()
                && withoutFigures.isEmpty()) {
            parts.add((judged.size() == 1 ? "the 1 service has" : "all " + judged.size() + " services have")
                    + " at least " + thresholds.okLevel() + " healthy servers"
                    + thresholds.ownOkLevels(judged.stream().map(ServiceHealth::service).toList()));
        }
        int unknown = noKnownService + judged.stream().mapToInt(ServiceHealth::unknown).sum();
        if (unknown > 0) {
            parts.add(unknown + " of " + servers + " servers UNKNOWN");
        }
        if (noKnownService > 0) {
            parts.add(Report.ofNoKnownService(noKnownService));
        }
        if (stale != null) {
            parts.add("stale data, " + Durations.format(age) + " old: " + stale);
        }
        return String.join("; ", parts);
    }

    private static int measured(List<ServiceHealth> services) {
        return services.stream().mapToInt(ServiceHealth::measured).sum();
    }

    /**
     * {@code 2 healthy: Auth 1/2, Geo 0/3} when the listed services all have the global level; when one has its
     * own, each names the level it is below: {@code their minimum: Auth 2/20 (minimum 3), Geo 0/3 (minimum 2)}.
     *
     * @param qualifier said after the level, before the services ({@code ", breach 2 of 3"}), or empty
     */
    private static String levels(List<ServiceHealth> listed, String kind, String qualifier,
            Function<String, HealthyLevel> levelOf, Thresholds thresholds) {
        if (listed.stream().noneMatch(s -> thresholds.hasOwnLevels(s.service()))) {
            String global = levelOf.apply(listed.getFirst().service()).toString();
            return ("minimum".equals(kind) ? "" : "the " + kind + " ") + global + " healthy" + qualifier + ": "
                    + counts(listed, s -> "");
        }
        return "their " + kind + qualifier + ": "
                + counts(listed, s -> s.isMissing() ? "" : " (" + kind + " " + levelOf.apply(s.service()) + ")");
    }

    /**
     * {@code Auth 1/2}, or {@code Auth missing} for an expected service the cluster does not list; the first few, then
     * how many more ({@code ... and 37616 more}): the summary is one line a person reads, the report's rows hold all.
     */
    private static String counts(List<ServiceHealth> services, Function<ServiceHealth, String> note) {
        return Listing.of(services,
                s -> s.service() + (s.isMissing() ? " missing" : " " + s.healthy() + "/" + s.servers()) + note.apply(s));
    }

    /** Counts one service's servers as they are added, then puts its rows in address order. */
    private static final class ServiceTally {
        private final String service;
        private int servers;
        private int healthy;
        private int unknown;
        private long cpuSum;
        private long memorySum;
        /**
         * One long per IPv4 row: its address (32 bits) above the row's index (31 bits), so that one primitive
         * sort orders them. Sized once the rows are counted, so nothing grows by copying.
         */
        private long[] ipv4Keys;
        private int ipv4Count;
        private int placed;
        private final List<ServerRow> notIpv4 = new ArrayList<>();

        ServiceTally(String service) {
            this.service = service;
        }

        String service() {
            return service;
        }

        void add(ServerRow row, long address) {
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
            if (address == AddressOrder.NOT_IPV4) {
                notIpv4.add(row);
            } else {
                ipv4Count++;
            }
        }

        /** Notes where row {@code index} goes, once every row has been added. */
        void place(int index, long address) {
            if (address == AddressOrder.NOT_IPV4) {
                return;
            }
            if (ipv4Keys == null) {
                ipv4Keys = new long[ipv4Count];
            }
            ipv4Keys[placed++] = address << 31 | index;
        }

        /**
         * Copies its rows into {@code sorted} from {@code start}: by address in numeric order (10.58.1.2 before
         * 10.58.1.10), then the rows whose address is not IPv4, by text. Returns where the next service starts.
         */
        int putInAddressOrder(ServerRow[] rows, ServerRow[] sorted, int start) {
            int next = start;
            if (ipv4Keys != null) {
                Arrays.sort(ipv4Keys);
                for (long key : ipv4Keys) {
                    sorted[next++] = rows[(int) (key & Integer.MAX_VALUE)];
                }
            }
            notIpv4.sort(Comparator.comparing(ServerRow::ip));
            for (ServerRow row : notIpv4) {
                sorted[next++] = row;
            }
            return next;
        }

        ServiceHealth summary(Thresholds thresholds, BreachStreaks streaks) {
            int measured = servers - unknown;
            int minimum = thresholds.minHealthyOf(service).requiredOf(servers);
            int warnMinimum = Math.max(minimum,
                    thresholds.warnHealthyOf(service).map(w -> w.requiredOf(servers)).orElse(0));
            ServiceHealth health = new ServiceHealth(service, servers, healthy, unknown, mean(cpuSum, measured),
                    mean(memorySum, measured), minimum, warnMinimum);
            return health.belowMinimum() ? health.withBreach(streaks.breachOf(service)) : health;
        }

        private static double mean(long sum, int count) {
            return count == 0 ? Double.NaN : (double) sum / count;
        }
    }
}
