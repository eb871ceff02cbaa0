package dev.monitor.fetch;

/**
 * How many server requests a run may have in flight at once: a number the user fixed ({@code --concurrency N}),
 * or one found while fetching ({@code --concurrency auto}, at most {@code --max-concurrency}).
 */
public sealed interface Concurrency {

    /** The most requests ever in flight: the connection pool and the fan-out are sized to it. */
    int bound();

    record Fixed(int requests) implements Concurrency {
        @Override
        public int bound() {
            return requests;
        }

        @Override
        public String toString() {
            return String.valueOf(requests);
        }
    }

    record Adaptive(int max) implements Concurrency {
        @Override
        public int bound() {
            return max;
        }

        @Override
        public String toString() {
            return "auto (at most " + max + ")";
        }
    }
}
