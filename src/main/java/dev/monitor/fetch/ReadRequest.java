package dev.monitor.fetch;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a run wants to read.
 *
 * @param maxAge   a snapshot younger than this is used instead of asking the API
 * @param maxStale when the API cannot be read, a snapshot younger than this is shown instead, marked stale
 * @param refresh  ask the API even when the snapshot is young enough
 */
public record ReadRequest(URI endpoint, Path snapshotFile, FetchSettings fetch, Duration maxAge, Duration maxStale,
        boolean refresh) {

    public ReadRequest withRefresh(boolean refresh) {
        return new ReadRequest(endpoint, snapshotFile, fetch, maxAge, maxStale, refresh);
    }
}
