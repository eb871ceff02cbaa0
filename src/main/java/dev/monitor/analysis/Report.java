package dev.monitor.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.monitor.snapshot.Snapshot;

/**
 * Everything the renderers show about one snapshot: the server rows sorted by service then address,
 * the services sorted by name, and the verdict with the one-line reason for it.
 *
 * @param stale       why the data shown is older than asked for (a refresh failed), or null when it is not
 * @param breachesFor the {@code --for} it was judged with: 1 without it, and when judged at once because the
 *                    verdict history could not be used
 */
public record Report(Snapshot snapshot, Duration age, String stale, Thresholds thresholds, List<ServerRow> rows,
        List<ServiceHealth> services, Verdict verdict, String summary, int breachesFor) implements Outcome {

    /**
     * These figures standing in for a check that got none: the same servers and services, as old as they are at
     * {@code now}, stale for the check's reason and with its verdict ({@code --unreachable-state}'s). What an exporter
     * shows once the API has been unreadable for longer than {@code --max-stale}: its figures stay, never a scrape
     * emptied by an outage, and they say how old they are.
     */
    public Report standingIn(Unavailable unavailable, Instant now) {
        return new Report(snapshot, snapshot.ageAt(now), unavailable.reason(), thresholds, rows, services,
                unavailable.verdict(), unavailable.reason(), breachesFor);
    }

    public List<ServiceHealth> unhealthyServices() {
        return services.stream().filter(ServiceHealth::belowMinimum).toList();
    }

    /**
     * The services given a level of their own that the cluster does not list and no one expects: most likely a
     * misspelt name, whose level then applies to nothing.
     */
    public List<String> servicesWithUnusedLevels() {
        Set<String> listed = services.stream().map(ServiceHealth::service).collect(Collectors.toSet());
        return thresholds.serviceLevels().keySet().stream().filter(service -> !listed.contains(service)).toList();
    }

    /** UNKNOWN servers, those of no known service included. */
    public int unknownServers() {
        return (int) rows.stream().filter(row -> row.health() == Health.UNKNOWN).count();
    }

    /** Servers whose service was never learnt: UNKNOWN, and in no service. */
    public int serversOfNoKnownService() {
        return (int) rows.stream().filter(row -> row.server().service() == null).count();
    }

    /** {@code 3 servers of no known service}, as the summary and the tables say it. */
    public static String ofNoKnownService(int servers) {
        return servers + (servers == 1 ? " server" : " servers") + " of no known service";
    }
}
