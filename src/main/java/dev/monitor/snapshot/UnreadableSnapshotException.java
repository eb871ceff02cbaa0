package dev.monitor.snapshot;

/** A snapshot file that exists but is corrupt, truncated, foreign or from a newer version. */
public class UnreadableSnapshotException extends RuntimeException {

    public UnreadableSnapshotException(String reason) {
        super(reason);
    }
}
