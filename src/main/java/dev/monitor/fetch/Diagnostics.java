package dev.monitor.fetch;

/** Where a run tells the user what went wrong or what it decided: errors and warnings always, details
 * under {@code --verbose}. */
public interface Diagnostics {

    /** Something that ends the run: the caller exits UNKNOWN after this. */
    void error(String line);

    void warning(String line);

    void verbose(String line);

    /**
     * Under {@code --verbose}, what Java said behind a warning or error that was put in our words: for a bug
     * report, not for the user. Nothing when there is no cause.
     */
    default void cause(Throwable cause) {
        if (cause != null) {
            verbose("(" + cause.toString().lines().findFirst().orElse("") + ")");
        }
    }

    /** Where a fetch reports how far it got; by default nowhere. */
    default FetchProgress progress() {
        return FetchProgress.NONE;
    }
}
