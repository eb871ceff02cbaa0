package dev.monitor.history;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The fresh fetches of one endpoint, oldest first: the last {@value #LIMIT}, so the file stays small however
 * long a cron job or a watch runs.
 */
public record VerdictHistory(URI endpoint, List<PastFetch> fetches) {

    /** Fetches kept; also the most {@code --for} can ask for. */
    public static final int LIMIT = 100;

    public VerdictHistory {
        fetches = List.copyOf(fetches.subList(Math.max(0, fetches.size() - LIMIT), fetches.size()));
    }

    public static VerdictHistory empty(URI endpoint) {
        return new VerdictHistory(endpoint, List.of());
    }

    /** This history with one more fetch, the oldest dropped beyond the limit. */
    public VerdictHistory with(PastFetch fetch) {
        List<PastFetch> more = new ArrayList<>(fetches);
        more.add(fetch);
        return new VerdictHistory(endpoint, more);
    }

    public boolean isEmpty() {
        return fetches.isEmpty();
    }

    /**
     * Per service, the fetches in a row up to the newest one before {@code at} that found it below its minimum;
     * a service with none is left out. Data fetched at {@code at} is judged on what came before it, so a run that
     * shows a saved snapshot again judges it as the fetch that made it did.
     */
    public Map<String, Integer> streaksBefore(Instant at) {
        List<PastFetch> before = fetches.stream().filter(fetch -> fetch.at().isBefore(at)).toList();
        if (before.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> streaks = new HashMap<>();
        for (String service : before.getLast().services().keySet()) {
            int streak = 0;
            for (int i = before.size() - 1; i >= 0 && before.get(i).belowMinimum(service); i--) {
                streak++;
            }
            if (streak > 0) {
                streaks.put(service, streak);
            }
        }
        return streaks;
    }

    /** Per service, the fetches in a row up to the newest that found it below its minimum. */
    public Map<String, Integer> streaks() {
        return streaksBefore(Instant.MAX);
    }

    /** Every service any kept fetch saw, by name. */
    public SortedSet<String> services() {
        SortedSet<String> services = new TreeSet<>();
        fetches.forEach(fetch -> services.addAll(fetch.services().keySet()));
        return services;
    }
}
