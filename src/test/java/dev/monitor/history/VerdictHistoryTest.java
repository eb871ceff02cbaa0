package dev.monitor.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.monitor.analysis.Verdict;
import dev.monitor.history.PastFetch.ServiceState;

/** The streaks {@code --for} counts, and the bound on what is kept. */
class VerdictHistoryTest {

    private static final URI ENDPOINT = URI.create("http://localhost:8080");
    private static final Instant START = Instant.parse("2026-11-26T08:00:00Z");
    private static final ServiceState BELOW = new ServiceState(Verdict.CRITICAL, 0, 2);
    private static final ServiceState MET = new ServiceState(Verdict.OK, 2, 2);
    private static final ServiceState WARNED = new ServiceState(Verdict.WARNING, 2, 4);

    private static PastFetch at(int minute, Map<String, ServiceState> services) {
        return new PastFetch(START.plusSeconds(60L * minute), Verdict.WARNING, services);
    }

    private static Instant minute(int minute) {
        return START.plusSeconds(60L * minute);
    }

    @Test
    void aStreakCountsTheNewestFetchesInARowBelowTheMinimum() {
        VerdictHistory history = new VerdictHistory(ENDPOINT, List.of(
                at(0, Map.of("Auth", BELOW, "Geo", BELOW)),
                at(1, Map.of("Auth", MET, "Geo", BELOW)),
                at(2, Map.of("Auth", BELOW, "Geo", BELOW)),
                at(3, Map.of("Auth", BELOW, "Geo", WARNED))));

        assertThat(history.streaks()).isEqualTo(Map.of("Auth", 2));
        assertThat(history.streaksBefore(minute(3))).as("a WARNING is not below the minimum")
                .isEqualTo(Map.of("Auth", 1, "Geo", 3));
    }

    @Test
    void dataFetchedAtATimeIsJudgedOnlyOnTheFetchesBeforeIt() {
        VerdictHistory history = new VerdictHistory(ENDPOINT, List.of(
                at(0, Map.of("Auth", BELOW)), at(1, Map.of("Auth", BELOW))));

        assertThat(history.streaksBefore(minute(1))).isEqualTo(Map.of("Auth", 1));
        assertThat(history.streaksBefore(minute(0))).isEmpty();
        assertThat(history.streaksBefore(minute(5))).isEqualTo(Map.of("Auth", 2));
    }

    @Test
    void aFetchThatDidNotListTheServiceEndsItsStreak() {
        VerdictHistory history = new VerdictHistory(ENDPOINT, List.of(
                at(0, Map.of("Auth", BELOW)), at(1, Map.of("Geo", MET)), at(2, Map.of("Auth", BELOW))));

        assertThat(history.streaks()).isEqualTo(Map.of("Auth", 1));
    }

    @Test
    void onlyTheLastHundredFetchesAreKept() {
        List<PastFetch> fetches = new ArrayList<>();
        for (int i = 0; i < VerdictHistory.LIMIT; i++) {
            fetches.add(at(i, Map.of("Auth", BELOW)));
        }
        VerdictHistory full = new VerdictHistory(ENDPOINT, fetches);

        VerdictHistory more = full.with(at(100, Map.of("Auth", BELOW)));

        assertThat(more.fetches()).hasSize(VerdictHistory.LIMIT);
        assertThat(more.fetches().getFirst().at()).isEqualTo(minute(1));
        assertThat(more.fetches().getLast().at()).isEqualTo(minute(100));
        assertThat(more.streaks()).isEqualTo(Map.of("Auth", VerdictHistory.LIMIT));
    }
}
