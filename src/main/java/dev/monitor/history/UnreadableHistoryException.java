package dev.monitor.history;

/** A history file that exists but is corrupt, foreign, of another endpoint or from a newer version. */
public class UnreadableHistoryException extends RuntimeException {

    /** @param reason in the user's words: it ends the warning line */
    public UnreadableHistoryException(String reason) {
        this(reason, null);
    }

    /** @param cause what Jackson or the JDK said, kept for {@code --verbose}; null when the reason says it all */
    public UnreadableHistoryException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
