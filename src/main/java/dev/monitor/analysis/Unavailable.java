package dev.monitor.analysis;

import java.net.URI;

import dev.monitor.snapshot.Shard;

/**
 * A run that got no data: where it asked, for which shard of the servers, with which thresholds, why it failed, and
 * the verdict the run gives it ({@code --unreachable-state}, UNKNOWN unless told otherwise), which is also its exit
 * code.
 *
 * @param reason why, in words; a shard's begins {@code shard 2/3: }, as a shard's report summary does
 */
public record Unavailable(URI endpoint, Shard shard, Thresholds thresholds, Verdict verdict, String reason)
        implements Outcome {

    /** @param cause why the API could not be read, said of {@code shard} when it is one of several */
    public static Unavailable of(URI endpoint, Shard shard, Thresholds thresholds, Verdict verdict, String cause) {
        return new Unavailable(endpoint, shard, thresholds, verdict, shard.prefixed(cause));
    }
}
