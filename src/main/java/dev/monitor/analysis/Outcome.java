package dev.monitor.analysis;

/**
 * What one check of the cluster comes to: a {@link Report} of the data read, or {@link Unavailable}, no data at
 * all. Either way one verdict, for stderr, the rendered output and the exit code alike.
 */
public sealed interface Outcome permits Report, Unavailable {

    Verdict verdict();
}
