package dev.monitor.analysis;

import java.util.Map;

/**
 * What {@code --for N} judges a fetch with: the N fresh fetches in a row below the minimum it takes to be
 * CRITICAL, and per service how many fetches in a row just before this one found it so. The caller reads them
 * from the verdict history; the {@link Analyzer} only counts on.
 *
 * @param required    N; 1 judges every breach at once, and counts none
 * @param pastStreaks per service, the fresh fetches in a row just before the data analysed that found it below its
 *                    minimum (a service not in it had none)
 */
public record BreachStreaks(int required, Map<String, Integer> pastStreaks) {

    /** {@code --for 1}, and any run judged without its history: below the minimum is CRITICAL at once. */
    public static final BreachStreaks AT_ONCE = new BreachStreaks(1, Map.of());

    public BreachStreaks {
        pastStreaks = Map.copyOf(pastStreaks);
    }

    /** The breach this fetch extends for a service it finds below its minimum; null when judged at once. */
    Breach breachOf(String service) {
        return required <= 1 ? null : new Breach(pastStreaks.getOrDefault(service, 0) + 1, required);
    }
}
