package dev.monitor.fetch;

import java.time.Duration;

import dev.monitor.api.Access;
import dev.monitor.snapshot.Shard;

/**
 * How hard to ask, and how to reach the API: requests in flight at once, the deadline of one request
 * (connect to last byte), how often a failed request is tried again, the TLS, credentials and proxy, the
 * run's rate cap and deadline, and the shard of the servers to fetch.
 */
public record FetchSettings(Concurrency concurrency, Duration timeout, int retries, Access access, Pacing pacing,
        Shard shard) {

    /**
     * Direct, unauthenticated, unpaced access to the whole cluster, as plain {@code http://localhost} tests and
     * benchmarks want it.
     */
    public FetchSettings(Concurrency concurrency, Duration timeout, int retries) {
        this(concurrency, timeout, retries, Access.DIRECT, Pacing.NONE, Shard.WHOLE);
    }

    public FetchSettings withAccess(Access access) {
        return new FetchSettings(concurrency, timeout, retries, access, pacing, shard);
    }

    public FetchSettings withPacing(Pacing pacing) {
        return new FetchSettings(concurrency, timeout, retries, access, pacing, shard);
    }

    public FetchSettings withShard(Shard shard) {
        return new FetchSettings(concurrency, timeout, retries, access, pacing, shard);
    }
}
