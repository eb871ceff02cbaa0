package dev.monitor.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * How a live view replaces the screen: home, each line erased to its end, the rest erased; no full clear; and
 * never more rows than the terminal has above its last.
 */
class WatchScreenTest {

    private static final List<String> TEN_LINES = IntStream.rangeClosed(1, 10).mapToObj(i -> "line " + i).toList();

    @Test
    void firstDrawHidesTheCursorThenRedrawsFromHome() {
        String screen = WatchScreen.Live.draw("one\ntwo\n", true, TerminalSize.UNKNOWN);

        assertThat(screen).isEqualTo("\u001B[?25l\u001B[H" + "one\u001B[K\n" + "two\u001B[K\n" + "\u001B[J");
    }

    @Test
    void laterDrawsNeverClearTheWholeScreen() {
        String screen = WatchScreen.Live.draw("one\n", false, TerminalSize.UNKNOWN);

        assertThat(screen).startsWith("\u001B[H").endsWith("\u001B[J").doesNotContain("\u001B[2J")
                .doesNotContain("\u001B[?25l");
    }

    @Test
    void aFrameTallerThanTheTerminalIsCutAboveItsLastRowWithANoteOfWhatIsLeftOut() {
        List<String> fitted = WatchScreen.Live.fit(TEN_LINES, new TerminalSize(6, 80));

        assertThat(fitted).containsExactly("line 1", "line 2", "line 3", "line 4",
                "… 6 more lines: a taller terminal shows them");
    }

    @Test
    void aFrameThatFitsAboveTheLastRowIsDrawnWhole() {
        assertThat(WatchScreen.Live.fit(TEN_LINES, new TerminalSize(11, 80))).isEqualTo(TEN_LINES);
        assertThat(WatchScreen.Live.fit(TEN_LINES, TerminalSize.UNKNOWN)).isEqualTo(TEN_LINES);
    }

    @Test
    void linesTheTerminalWrapsCountForTheRowsTheyTakeAndColourCodesForNone() {
        String wrapsOnce = "x".repeat(15);
        String coloured = "\u001B[31m" + "y".repeat(10) + "\u001B[0m";
        List<String> frame = List.of(wrapsOnce, coloured, coloured, coloured, "last");

        List<String> fitted = WatchScreen.Live.fit(frame, new TerminalSize(5, 10));

        assertThat(fitted).containsExactly(wrapsOnce, coloured, "… 3 more l");
    }

    @Test
    void linesAndColumnsFromTheEnvironmentWinOverTheTerminalsOwnSize() {
        assertThat(TerminalSize.current(Map.of("LINES", "33", "COLUMNS", "101"))).isEqualTo(new TerminalSize(33, 101));
    }
}
