package dev.monitor.fetch;

import java.time.Duration;

import dev.monitor.analysis.Durations;

/** A request that had no complete answer within its deadline. */
final class DeadlineExceededException extends RuntimeException {

    DeadlineExceededException(Duration deadline) {
        super("timed out after " + Durations.exact(deadline), null, false, false);
    }
}
