package dev.monitor.history;

/** A history file that exists but is corrupt, foreign, of another endpoint or from a newer version. */
public class UnreadableHistoryException extends RuntimeException {

    public UnreadableHistoryException(String reason) {
        super(reason);
    }
}
