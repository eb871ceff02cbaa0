package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a live view replaces the screen: home, each line erased to its end, the rest erased; no full clear. */
class WatchScreenTest {

    @Test
    void firstDrawHidesTheCursorThenRedrawsFromHome() {
        String screen = WatchScreen.Live.draw("one\ntwo\n", true);

        assertThat(screen).isEqualTo("\u001B[?25l\u001B[H" + "one\u001B[K\n" + "two\u001B[K\n" + "\u001B[J");
    }

    @Test
    void laterDrawsNeverClearTheWholeScreen() {
        String screen = WatchScreen.Live.draw("one\n", false);

        assertThat(screen).startsWith("\u001B[H").endsWith("\u001B[J").doesNotContain("\u001B[2J")
                .doesNotContain("\u001B[?25l");
    }
}
