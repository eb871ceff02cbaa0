package dev.monitor.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** When the table may be coloured: a terminal, and nobody said no. */
class ColourTest {

    @Test
    void aTerminalGetsColour() {
        assertThat(Colour.wanted(false, Map.of(), () -> true)).isTrue();
    }

    @Test
    void aPipeGetsNone() {
        assertThat(Colour.wanted(false, Map.of(), () -> false)).isFalse();
    }

    @Test
    void noColorSetToAnythingTurnsItOff() {
        assertThat(Colour.wanted(false, Map.of("NO_COLOR", "1"), () -> true)).isFalse();
        assertThat(Colour.wanted(false, Map.of("NO_COLOR", ""), () -> true)).as("empty means unset").isTrue();
    }

    @Test
    void theFlagAndADumbTerminalTurnItOff() {
        assertThat(Colour.wanted(true, Map.of(), () -> true)).isFalse();
        assertThat(Colour.wanted(false, Map.of("TERM", "dumb"), () -> true)).isFalse();
    }
}
