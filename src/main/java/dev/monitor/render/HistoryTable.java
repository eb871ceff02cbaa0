package dev.monitor.render;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;
import com.github.freva.asciitable.Styler;

import dev.monitor.analysis.Verdict;
import dev.monitor.history.PastFetch;
import dev.monitor.history.VerdictHistory;

/**
 * {@code --history}: one row per service with a letter per recent fresh fetch, oldest left, as a sparkline
 * shows a trend; the run's verdict above them, in a row without a service; each service's latest counts and how
 * many fetches in a row it has been below its minimum.
 */
public final class HistoryTable {

    /** Fetches shown: enough to see flapping, narrow enough for a terminal. */
    public static final int SHOWN = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final TableStyle style;
    private final ZoneId zone;

    public HistoryTable(TableStyle style, ZoneId zone) {
        this.style = style;
        this.zone = zone;
    }

    /** @param breachesFor {@code --for}: a streak it still holds back is shown as "2 of 3" */
    public String render(VerdictHistory history, int breachesFor) {
        List<PastFetch> all = history.fetches();
        List<PastFetch> shown = all.subList(Math.max(0, all.size() - SHOWN), all.size());
        Map<String, Integer> streaks = history.streaks();
        PastFetch latest = all.getLast();
        List<String[]> rows = new ArrayList<>();
        // The verdict's row names no service: a service could have any name but the empty one.
        rows.add(new String[] { "", letters(shown, PastFetch::verdict), "", "" });
        for (String service : history.services()) {
            PastFetch.ServiceState now = latest.services().get(service);
            int streak = streaks.getOrDefault(service, 0);
            rows.add(new String[] { service, letters(shown, fetch -> {
                PastFetch.ServiceState state = fetch.services().get(service);
                return state == null ? null : state.state();
            }), now == null ? "-" : now.healthy() + "/" + now.servers(),
                    streak == 0 ? "" : streak < breachesFor ? streak + " of " + breachesFor : String.valueOf(streak) });
        }
        StringBuilder text = new StringBuilder();
        if (style.headers()) {
            text.append(String.format("Verdicts of %s: the last %d of %d fresh fetches, %s to %s, oldest first%n",
                    history.endpoint(), shown.size(), all.size(), time(shown.getFirst().at()), time(latest.at())));
        }
        Column[] columns = { column("SERVICE", HorizontalAlign.LEFT), column("FETCHES", HorizontalAlign.LEFT),
                column("HEALTHY", HorizontalAlign.RIGHT), column("BELOW MINIMUM", HorizontalAlign.RIGHT) };
        text.append(Tables.trimmed(AsciiTable.builder().border(AsciiTable.NO_BORDERS)
                .styler(style.colour() ? new LetterColours() : StatusColours.NONE)
                .data(columns, rows.toArray(String[][]::new)).asString())).append(System.lineSeparator());
        if (style.headers()) {
            text.append(String.format("First the run's verdict, then each service: %s OK, W WARNING, C CRITICAL "
                    + "(below --min-healthy), U UNKNOWN, - not listed; BELOW MINIMUM: fresh fetches in a row%n",
                    letter(Verdict.OK)));
        }
        return text.toString();
    }

    /** One letter per fetch, oldest first; a fetch without a state (the service not listed) is a dash. */
    private static String letters(List<PastFetch> fetches, Function<PastFetch, Verdict> state) {
        StringBuilder letters = new StringBuilder();
        fetches.forEach(fetch -> letters.append(letter(state.apply(fetch))));
        return letters.toString();
    }

    private static char letter(Verdict state) {
        return state == null ? '-' : switch (state) {
            case OK -> '.';
            case WARNING -> 'W';
            case CRITICAL -> 'C';
            case UNKNOWN -> 'U';
        };
    }

    private String time(Instant at) {
        return TIME.format(at.atZone(zone));
    }

    private Column column(String header, HorizontalAlign align) {
        return new Column().header(style.headers() ? header : null).headerAlign(align).dataAlign(align);
    }

    /** Red C, yellow W and U in the column of letters, after padding, so the codes never count towards its width. */
    private static final class LetterColours implements Styler {

        @Override
        public List<String> styleCell(Column column, int row, int col, List<String> lines) {
            if (col != 1) {
                return lines;
            }
            return lines.stream().map(LetterColours::colour).toList();
        }

        private static String colour(String line) {
            StringBuilder coloured = new StringBuilder();
            for (char c : line.toCharArray()) {
                AnsiColour colour = switch (c) {
                    case 'C' -> AnsiColour.RED;
                    case 'W', 'U' -> AnsiColour.YELLOW;
                    default -> null;
                };
                coloured.append(colour == null ? String.valueOf(c) : colour.around(String.valueOf(c)));
            }
            return coloured.toString();
        }
    }
}
