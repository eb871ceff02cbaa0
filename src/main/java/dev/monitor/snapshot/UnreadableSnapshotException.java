package dev.monitor.snapshot;

/** A snapshot file that exists but is corrupt, truncated, foreign or from a newer version. */
public class UnreadableSnapshotException extends RuntimeException {

    /** @param reason in the user's words: it ends the warning line */
    public UnreadableSnapshotException(String reason) {
        this(reason, null);
    }

    /** @param cause what Jackson or the JDK said, kept for {@code --verbose}; null when the reason says it all */
    public UnreadableSnapshotException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
