package dev.monitor.fetch;

import dev.monitor.snapshot.Snapshot;

/**
 * The data a run goes on.
 *
 * @param stale     why older data than asked for is shown, or null
 * @param fromCache true when the snapshot came from the file, not from the API just now
 */
public record Reading(Snapshot snapshot, String stale, boolean fromCache) {
}
