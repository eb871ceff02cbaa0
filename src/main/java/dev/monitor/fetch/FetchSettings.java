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
}
