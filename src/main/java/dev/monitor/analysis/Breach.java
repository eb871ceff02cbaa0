package dev.monitor.analysis;

/**
 * {@code --for N}: how long a service has been below its minimum, counted in fresh fetches in a row (the one
 * shown included), and the N fetches it takes to be CRITICAL. Until then it is held back as WARNING.
 *
 * @param count the fresh fetches in a row that found the service below its minimum
 * @param of    the fetches {@code --for} asks for
 */
public record Breach(int count, int of) {

    /** Below the minimum, but not yet for long enough to be CRITICAL. */
    public boolean heldBack() {
        return count < of;
    }

    /** {@code breach 1 of 3}, as the summary and the tables say it. */
    @Override
    public String toString() {
        return "breach " + count + " of " + of;
    }
}
