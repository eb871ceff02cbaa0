package dev.monitor.text;

/**
 * The one rule for text from outside (the cluster's answers, monitor's own files, names on the command line) that
 * monitor shows a person, in every format: each character that would not show as itself is shown as its code,
 * written as Python writes it (<code>&#92;x1b</code>, <code>&#92;u202e</code>, <code>&#92;U000e0041</code>). So no name
 * can move the cursor, colour the screen, reverse the text after it, or look exactly like another name
 * (<code>10.9.0.1&#92;u200b</code> is not {@code 10.9.0.1}).
 * <p>
 * Shown as codes: control characters (Cc); format characters (Cf: the bidi controls U+202A..U+202E, U+2066..U+2069,
 * U+200E, U+200F and U+061C, the zero-width U+200B..U+200D, U+2060 and U+FEFF, the soft hyphen U+00AD); line and
 * paragraph separators (Zl, Zp); surrogates, private-use and unassigned code points (Cs, Co, Cn), which have no
 * agreed look; the default-ignorable characters that Unicode files as letters or marks (Hangul fillers, variation
 * selectors) and the blank braille pattern; and every space but a plain one inside the text: U+0020 at either
 * end, and the other spaces (Zs: no-break, em, ideographic, ...) anywhere.
 * <p>
 * A backslash stays as it is, so the rule is idempotent: text already shown passes unchanged, and a name read back
 * from monitor's own files, or typed as it was shown, is the same name.
 */
public final class Printable {

    /** The longest name or piece of an answer shown, in characters: one table cell, one clause of a line. */
    static final int MAX_LENGTH = 200;

    private Printable() {
    }

    /** A name, or a piece of an answer: shown by the rule and cut to {@value #MAX_LENGTH} characters and "…". */
    public static String of(String text) {
        return shown(text, MAX_LENGTH);
    }

    /** A whole line or reason, made of pieces already cut: shown by the rule, not cut. */
    public static String line(String text) {
        return shown(text, Integer.MAX_VALUE);
    }

    private static String shown(String text, int maxLength) {
        if (text == null || (text.length() <= maxLength && plain(text))) {
            return text;
        }
        int first = 0;
        while (first < text.length() && text.charAt(first) == ' ') {
            first++;
        }
        int last = text.length();
        while (last > first && text.charAt(last - 1) == ' ') {
            last--;
        }
        StringBuilder shown = new StringBuilder(Math.min(text.length(), maxLength) + 16);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            String piece = hidden(c, i < first || i >= last) ? code(c) : Character.toString(c);
            if (shown.length() + piece.length() > maxLength) {
                // Never half a code or half a surrogate pair: the cut text is shown by the rule too.
                return shown.append('…').toString();
            }
            shown.append(piece);
            i += Character.charCount(c);
        }
        return shown.toString();
    }

    /** Printable ASCII with no space at either end: nearly every address and name, which need no copy. */
    private static boolean plain(String text) {
        if (!text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ')) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    /** @param edge the character is in the run of spaces at the start or the end of the text */
    private static boolean hidden(int c, boolean edge) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            case Character.SPACE_SEPARATOR -> c != ' ' || edge;
            default -> invisible(c);
        };
    }

    /**
     * Default-ignorable code points outside the categories above (a font draws nothing for them), and the blank
     * braille pattern, which looks like a space.
     */
    private static boolean invisible(int c) {
        return c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5
                || (c >= 0x180B && c <= 0x180F) || c == 0x2800 || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F)
                || c == 0xFFA0 || (c >= 0xE0100 && c <= 0xE01EF);
    }

    private static String code(int c) {
        return c < 0x100 ? String.format("\\x%02x", c)
                : c < 0x10000 ? String.format("\\u%04x", c)
                : String.format("\\U%08x", c);
    }
}
