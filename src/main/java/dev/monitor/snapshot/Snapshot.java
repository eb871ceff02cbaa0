package dev.monitor.snapshot;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one fetch learnt of a cluster, and when.
 *
 * @param peakConcurrency the most requests the fetch had in flight at once; null when not known (a snapshot
 *                        written before monitor kept it)
 */
public record Snapshot(URI endpoint, Instant fetchedAt, List<Server> servers, Integer peakConcurrency) {

    public Snapshot {
        servers = List.copyOf(servers);
    }

    /** A snapshot whose fetch did not say how many requests it had in flight. */
    public Snapshot(URI endpoint, Instant fetchedAt, List<Server> servers) {
        this(endpoint, fetchedAt, servers, null);
    }

    public Duration ageAt(Instant now) {
        Duration age = Duration.between(fetchedAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }
}
