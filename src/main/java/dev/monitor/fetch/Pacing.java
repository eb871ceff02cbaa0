package dev.monitor.fetch;

import java.time.Duration;

/**
 * Politeness to a fragile API, over a whole run.
 *
 * @param rate        requests per second at most, across the run (all workers together, retries included);
 *                    0 for no cap
 * @param runDeadline how long the whole run may take; what is not fetched by then is UNKNOWN. Null for none
 */
public record Pacing(double rate, Duration runDeadline) {
}
