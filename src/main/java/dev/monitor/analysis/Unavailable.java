package dev.monitor.analysis;

import java.net.URI;

/**
 * A run that got no data: where it asked, with which thresholds, why it failed, and the verdict the run gives
 * it ({@code --unreachable-state}, UNKNOWN unless told otherwise), which is also its exit code.
 */
public record Unavailable(URI endpoint, Thresholds thresholds, Verdict verdict, String reason) implements Outcome {
}
