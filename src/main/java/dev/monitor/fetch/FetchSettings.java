package dev.monitor.fetch;

import java.time.Duration;

/**
 * How hard to ask: requests in flight at once, the deadline of one request (connect to last byte), and
 * how often a failed request is tried again.
 */
public record FetchSettings(int concurrency, Duration timeout, int retries) {
}
