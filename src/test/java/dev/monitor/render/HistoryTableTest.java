package dev.monitor.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.monitor.analysis.Verdict;
import dev.monitor.history.PastFetch;
import dev.monitor.history.PastFetch.ServiceState;
import dev.monitor.history.VerdictHistory;

/** {@code --history}'s table: a letter per fetch, oldest left, the latest counts and the current streak. */
class HistoryTableTest {

    private static final TableStyle PLAIN = new TableStyle(false, true);

    private static final Instant START = Instant.parse("2026-11-26T08:00:00Z");

    private static PastFetch fetch(int minute, Verdict verdict, Map<String, ServiceState> services) {
        return new PastFetch(START.plusSeconds(60L * minute), verdict, services);
    }

    private static ServiceState state(Verdict state, int healthy) {
        return new ServiceState(state, healthy, 4);
    }

    /** Auth: OK, OK, CRITICAL, CRITICAL; Geo: WARNING, not listed, OK, OK. */
    private static VerdictHistory history() {
        return new VerdictHistory(URI.create("http://localhost:8080"), List.of(
                fetch(0, Verdict.WARNING, Map.of("Auth", state(Verdict.OK, 4), "Geo", state(Verdict.WARNING, 3))),
                fetch(1, Verdict.OK, Map.of("Auth", state(Verdict.OK, 4))),
                fetch(2, Verdict.WARNING, Map.of("Auth", state(Verdict.CRITICAL, 1), "Geo", state(Verdict.OK, 4))),
                fetch(3, Verdict.CRITICAL, Map.of("Auth", state(Verdict.CRITICAL, 0), "Geo", state(Verdict.OK, 4)))));
    }

    private static String render(TableStyle style, VerdictHistory history, int breachesFor) {
        return new HistoryTable(style, ZoneOffset.UTC).render(history, breachesFor);
    }

    @Test
    void eachServiceHasALetterPerFetchItsLatestCountsAndItsStreak() {
        List<String> lines = render(PLAIN, history(), 3).lines().toList();

        assertThat(lines.get(0)).isEqualTo("Verdicts of http://localhost:8080: the last 4 of 4 fresh fetches, "
                + "2026-11-26 08:00:00 to 2026-11-26 08:03:00, oldest first");
        assertThat(lines.get(2).split("\\s+")).as("the verdict, in the row without a service")
                .containsExactly("", "W.WC");
        assertThat(lines.get(3).split("\\s+")).containsExactly("", "Auth", "..CC", "0/4", "2", "of", "3");
        assertThat(lines.get(4).split("\\s+")).containsExactly("", "Geo", "W-..", "4/4");
        assertThat(lines).hasSize(6);
    }

    @Test
    void aServiceNamedLikeTheVerdictsRowOfOldIsAServiceRowUnlikeTheVerdicts() {
        Map<String, ServiceState> services = Map.of("(verdict)", state(Verdict.OK, 4), "Auth",
                state(Verdict.CRITICAL, 0));
        VerdictHistory history = new VerdictHistory(URI.create("http://localhost:8080"), List.of(
                fetch(0, Verdict.CRITICAL, services), fetch(1, Verdict.CRITICAL, services)));

        List<String> lines = render(PLAIN, history, 1).lines().toList();

        assertThat(lines.get(2).split("\\s+")).as("the verdict").containsExactly("", "CC");
        assertThat(lines.get(3).split("\\s+")).containsExactly("", "(verdict)", "..", "4/4");
        assertThat(lines.get(4).split("\\s+")).containsExactly("", "Auth", "CC", "0/4", "2");
        assertThat(lines.getLast()).startsWith("First the run's verdict, then each service: . OK, W WARNING");
    }

    @Test
    void aStreakForNoLongerHoldsBackIsAPlainCount() {
        assertThat(render(PLAIN, history(), 1).lines().toList().get(3).split("\\s+"))
                .containsExactly("", "Auth", "..CC", "0/4", "2");
        assertThat(render(PLAIN, history(), 2).lines().toList().get(3).split("\\s+"))
                .containsExactly("", "Auth", "..CC", "0/4", "2");
    }

    @Test
    void onlyTheLatestFetchesAreShownAndTheCaptionSaysHowManyThereAre() {
        List<PastFetch> fetches = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            fetches.add(fetch(i, Verdict.OK, Map.of("Auth", state(i < 10 ? Verdict.CRITICAL : Verdict.OK, 4))));
        }
        List<String> lines = render(PLAIN, new VerdictHistory(URI.create("http://h:1"), fetches), 1)
                .lines().toList();

        assertThat(lines.get(0)).contains("the last 20 of 30 fresh fetches, 2026-11-26 08:10:00 to");
        assertThat(lines.get(3).split("\\s+")).containsExactly("", "Auth", ".".repeat(20), "4/4");
    }

    @Test
    void colourPaintsOnlyTheLettersAndNeverShiftsTheColumns() {
        String coloured = render(new TableStyle(true, true), history(), 3);
        String plain = render(PLAIN, history(), 3);

        assertThat(coloured).contains("\u001B[31mC").contains("\u001B[33mW");
        assertThat(coloured.replaceAll("\u001B\\[\\d+m", "")).isEqualTo(plain);
        assertThat(plain).doesNotContain("\u001B");
    }

    @Test
    void noHeadersLeavesOnlyTheRows() {
        List<String> lines = render(new TableStyle(false, false), history(), 3).lines().toList();

        assertThat(lines).hasSize(3);
        assertThat(lines.getFirst().split("\\s+")).containsExactly("", "W.WC");
    }
}
