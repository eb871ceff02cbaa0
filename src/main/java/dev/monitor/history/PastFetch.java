package dev.monitor.history;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.monitor.analysis.Report;
import dev.monitor.analysis.ServiceHealth;
import dev.monitor.analysis.Verdict;

/**
 * One fresh fetch as the history keeps it: when its data was fetched, the verdict the run reported, and each
 * service as that fetch measured it.
 */
public record PastFetch(Instant at, Verdict verdict, SortedMap<String, ServiceState> services) {

    /**
     * A service in one fetch.
     *
     * @param state its state as measured, before {@code --for} held a breach back: CRITICAL is below the minimum
     */
    public record ServiceState(Verdict state, int healthy, int servers) {
    }

    public PastFetch(Instant at, Verdict verdict, Map<String, ServiceState> services) {
        this(at, verdict, Collections.unmodifiableSortedMap(new TreeMap<>(services)));
    }

    /** The fetch behind a report made of freshly fetched data. */
    public static PastFetch of(Report report) {
        Map<String, ServiceState> services = new TreeMap<>();
        for (ServiceHealth service : report.services()) {
            services.put(service.service(), new ServiceState(service.measuredState(), service.healthy(),
                    service.servers()));
        }
        return new PastFetch(report.snapshot().fetchedAt(), report.verdict(), services);
    }

    /** Whether this fetch found the service below its minimum; one it did not see was not. */
    public boolean belowMinimum(String service) {
        ServiceState state = services.get(service);
        return state != null && state.state() == Verdict.CRITICAL;
    }
}
