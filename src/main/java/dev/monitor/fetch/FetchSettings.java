package dev.monitor.fetch;

import java.time.Duration;

import dev.monitor.api.Access;

/**
 * How hard to ask, and how to reach the API: requests in flight at once, the deadline of one request
 * (connect to last byte), how often a failed request is tried again, and the TLS, credentials and proxy.
 */
public record FetchSettings(int concurrency, Duration timeout, int retries, Access access) {

    /** Direct, unauthenticated access, as plain {@code http://localhost} tests and benchmarks want it. */
    public FetchSettings(int concurrency, Duration timeout, int retries) {
        this(concurrency, timeout, retries, Access.DIRECT);
    }

    public FetchSettings withAccess(Access access) {
        return new FetchSettings(concurrency, timeout, retries, access);
    }
}
