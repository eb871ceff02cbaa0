package dev.monitor.snapshot;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one fetch learnt of a cluster, and when.
 *
 * @param peakConcurrency the most requests the fetch had in flight at once; null when not known (a snapshot
 *                        written before monitor kept it)
 * @param fetchDuration   how long the fetch took, from asking for the list to the last server; null when not known
 *                        (a snapshot written before monitor kept it)
 * @param shard           the share of the servers listed that was fetched: {@link Shard#WHOLE} for all of them
 */
public record Snapshot(URI endpoint, Instant fetchedAt, List<Server> servers, Integer peakConcurrency,
        Duration fetchDuration, Shard shard) {

    public Snapshot {
        servers = List.copyOf(servers);
        Objects.requireNonNull(shard, "shard");
    }

    /** A snapshot of the whole cluster whose fetch did not say how long it took. */
    public Snapshot(URI endpoint, Instant fetchedAt, List<Server> servers, Integer peakConcurrency) {
        this(endpoint, fetchedAt, servers, peakConcurrency, null, Shard.WHOLE);
    }

    /** A snapshot of the whole cluster whose fetch did not say how many requests it had in flight. */
    public Snapshot(URI endpoint, Instant fetchedAt, List<Server> servers) {
        this(endpoint, fetchedAt, servers, null);
    }

    public Duration ageAt(Instant now) {
        Duration age = Duration.between(fetchedAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }
}
