package dev.monitor.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalSizeTest {

    @Test
    void aFigureOfLinesOrColumnsIsReadInAsciiDigitsOnly() {
        assertThat(TerminalSize.figure("80")).isEqualTo(80);
        assertThat(TerminalSize.figure("24")).isEqualTo(24);
        // Character.isDigit and Integer.parseInt read these as 80.
        for (String figure : new String[] { "٨٠", "８０", "८०", "+80", " 80", "80x", "", "123456" }) {
            assertThat(TerminalSize.figure(figure)).as(figure).isZero();
        }
        assertThat(TerminalSize.figure(null)).isZero();
    }
}
