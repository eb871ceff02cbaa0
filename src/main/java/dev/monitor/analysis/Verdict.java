package dev.monitor.analysis;

/**
 * The state of the whole cluster, in the Nagios plugin convention; the exit code of every report is
 * derived from it here and nowhere else.
 */
public enum Verdict {
    /** Every service has its minimum of healthy servers, and every server answered. */
    OK(0),
    /** No service is below its minimum, but the data is partial or stale. */
    WARNING(1),
    /** At least one service has fewer healthy servers than its minimum. */
    CRITICAL(2),
    /** There is no usable data: the API cannot be read, or the command was used wrongly. */
    UNKNOWN(3);

    private final int exitCode;

    Verdict(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
