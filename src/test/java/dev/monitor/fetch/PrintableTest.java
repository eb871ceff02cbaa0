package dev.monitor.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void aWindowTitleAndAScreenClearLeaveNothingBehind() {
        assertThat(Printable.of("\u001b]0;owned\u0007\u001b[2JAuthService")).isEqualTo("AuthService");
    }

    @Test
    void coloursAndCursorMovesAreDroppedWhole() {
        assertThat(Printable.of("\u001b[1;31mAuth\u001b[0mService\u001b[10A")).isEqualTo("AuthService");
        // What tput sgr0 sends: a character-set choice (three bytes) and a reset.
        assertThat(Printable.of("Auth\u001b(B\u001b[mService")).isEqualTo("AuthService");
    }

    @Test
    void anOscEndedByStringTerminatorAndTheC1FormsAreDroppedWhole() {
        assertThat(Printable.of("\u001b]8;;http://evil\u001b\\Auth\u009b2JService\u009d0;x\u009c"))
                .isEqualTo("AuthService");
    }

    @Test
    void otherControlCharactersGoButPrintableTextStays() {
        assertThat(Printable.of("Zürich\tService\r\n")).isEqualTo("ZürichService");
        assertThat(Printable.of("Auth[2J]")).isEqualTo("Auth[2J]");
    }

    @Test
    void longTextIsCutWithAnEllipsis() {
        assertThat(Printable.of("x".repeat(500))).isEqualTo("x".repeat(200) + "…");
    }

    @Test
    void evidenceShowsEachControlCharacterAsItsCode() {
        assertThat(Printable.visible("\u001b[2J10.0.0.1")).isEqualTo("\\x1b[2J10.0.0.1");
        assertThat(Printable.visible("\u0007".repeat(300))).hasSize(200 + "…".length()).endsWith("…");
    }
}
