package dev.monitor.analysis;

import java.util.List;
import java.util.Map;

/**
 * {@code --for N}: a service below its minimum is CRITICAL only once N fresh fetches in a row found it so; a
 * shorter breach is WARNING, "breach k of N". Applied to the {@link Analyzer}'s report, given how many fetches
 * in a row before the data shown already found each service below its minimum. Pure: the history is the
 * caller's.
 */
public final class Breaches {

    private Breaches() {
    }

    /**
     * @param required    N: the fetches in a row it takes to be CRITICAL; 1 leaves the report as it is
     * @param pastStreaks per service, the fresh fetches in a row just before the data shown that found it below its
     *                    minimum (a service not in it had none)
     */
    public static Report apply(Report report, int required, Map<String, Integer> pastStreaks) {
        if (required <= 1) {
            return report;
        }
        List<ServiceHealth> services = report.services().stream()
                .map(s -> s.belowMinimum()
                        ? s.withBreach(new Breach(pastStreaks.getOrDefault(s.service(), 0) + 1, required))
                        : s)
                .toList();
        int servers = report.rows().size();
        Verdict verdict = Analyzer.verdict(servers, services, report.stale());
        return new Report(report.snapshot(), report.age(), report.stale(), report.thresholds(), report.rows(),
                services, verdict,
                Analyzer.summary(verdict, servers, services, report.thresholds(), report.stale(), report.age()));
    }
}
