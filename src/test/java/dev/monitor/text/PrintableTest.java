package dev.monitor.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void terminalEscapeSequencesAreShownAsCodesSoNothingReachesTheTerminal() {
        assertThat(Printable.of("\u001b]0;owned\u0007\u001b[2JAuthService"))
                .isEqualTo("\\x1b]0;owned\\x07\\x1b[2JAuthService");
        assertThat(Printable.of("Auth\u009b2JService\u009d0;x\u009c")).isEqualTo("Auth\\x9b2JService\\x9d0;x\\x9c");
    }

    @Test
    void aControlCharacterInsideANameNoLongerMakesItAnotherName() {
        assertThat(Printable.of("Auth\u0007Service")).isNotEqualTo("AuthService").isEqualTo("Auth\\x07Service");
        assertThat(Printable.of("Zürich\tService\r\n")).isEqualTo("Zürich\\x09Service\\x0d\\x0a");
    }

    @Test
    void bidiControlsAreShownAsCodes() {
        assertThat(Printable.of("\u202eAuthService")).isEqualTo("\\u202eAuthService");
        for (int c : new int[] { 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E,
                0x200F, 0x061C }) {
            assertThat(Printable.of("a" + Character.toString(c) + "b")).isEqualTo("a\\u%04xb".formatted(c));
        }
    }

    @Test
    void zeroWidthAndSeparatorCharactersAreShownAsCodes() {
        assertThat(Printable.of("10.9.0.1\u200b")).isEqualTo("10.9.0.1\\u200b");
        assertThat(Printable.of("\ufeffAuth\u200c\u200d\u2060Service\u2028\u2029"))
                .isEqualTo("\\ufeffAuth\\u200c\\u200d\\u2060Service\\u2028\\u2029");
        assertThat(Printable.of("Auth\u00adService")).as("a soft hyphen").isEqualTo("Auth\\xadService");
    }

    @Test
    void charactersThatDrawNothingThoughNotFormatCharactersAreShownAsCodes() {
        assertThat(Printable.of("Auth\u034fService\ufe0f")).isEqualTo("Auth\\u034fService\\ufe0f");
        assertThat(Printable.of("\u3164Auth\u2800")).as("a Hangul filler, the blank braille pattern")
                .isEqualTo("\\u3164Auth\\u2800");
        assertThat(Printable.of("Auth\udb40\udc41")).as("a tag character, beyond the BMP").isEqualTo("Auth\\U000e0041");
        assertThat(Printable.of("Auth\ud800")).as("half a surrogate pair").isEqualTo("Auth\\ud800");
        assertThat(Printable.of("Auth\ue000")).as("private use").isEqualTo("Auth\\ue000");
    }

    @Test
    void spacesAtEitherEndAndEverySpaceButAPlainOneAreShownAsCodes() {
        assertThat(Printable.of("10.9.0.1 ")).isEqualTo("10.9.0.1\\x20");
        assertThat(Printable.of("  10.9.0.1")).isEqualTo("\\x20\\x2010.9.0.1");
        assertThat(Printable.of(" ")).isEqualTo("\\x20");
        assertThat(Printable.of("Auth\u00a0Service\u2003")).isEqualTo("Auth\\xa0Service\\u2003");
        assertThat(Printable.of("Auth\u3000Service")).as("an ideographic space").isEqualTo("Auth\\u3000Service");
    }

    @Test
    void printableTextStaysAsItIs() {
        for (String name : new String[] { "AuthService", "Zürich Service", "認証サービス", "Auth[2J]", "back\\slash",
                "10.58.1.1", "2001:db8::7", "Auth  Service", "", "🚀 Launch" }) {
            assertThat(Printable.of(name)).as(name).isEqualTo(name);
        }
    }

    @Test
    void theRuleIsIdempotentSoANameShownOnceIsShownTheSameAgain() {
        for (String name : new String[] { "Auth\u202eService", "10.9.0.1 ", "\u001b[2J", "x".repeat(500),
                "\u200b".repeat(300), "a".repeat(199) + " " + "b".repeat(10), "é".repeat(199) + "\ud83d\ude80" }) {
            String shown = Printable.of(name);
            assertThat(Printable.of(shown)).as(name).isEqualTo(shown);
            assertThat(Printable.line(shown)).as(name).isEqualTo(shown);
        }
    }

    @Test
    void longTextIsCutWithAnEllipsisNeverInsideACode() {
        assertThat(Printable.of("x".repeat(500))).isEqualTo("x".repeat(200) + "…");
        assertThat(Printable.of("\u0007".repeat(300))).isEqualTo("\\x07".repeat(50) + "…");
        assertThat(Printable.of("x" + "\u200b".repeat(300))).isEqualTo("x" + "\\u200b".repeat(33) + "…");
        assertThat(Printable.of("x".repeat(199) + "\ud83d\ude80")).as("never half a surrogate pair")
                .isEqualTo("x".repeat(199) + "…");
    }

    @Test
    void aLineIsShownByTheSameRuleButNotCut() {
        assertThat(Printable.line("x".repeat(500) + "\u202e")).isEqualTo("x".repeat(500) + "\\u202e");
        assertThat(Printable.line(null)).isNull();
    }
}
