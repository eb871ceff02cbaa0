package dev.monitor.fetch;

import java.util.regex.Pattern;

/** Text from the network made safe for a terminal: no control characters or escape sequences, bounded length. */
public final class Printable {

    private static final int MAX_LENGTH = 200;

    /**
     * Whole terminal escape sequences, so that none leaves its printable tail behind ({@code ]0;title} of a
     * window title, {@code [2J} of a screen clear): CSI (ESC [ or C1 0x9B) up to its final byte; OSC, DCS,
     * SOS, PM and APC (ESC ] P X ^ _, or their C1 forms) up to BEL or ST; any other ESC with its intermediate and
     * final bytes ({@code ESC ( B}).
     */
    private static final Pattern ESCAPE_SEQUENCE = Pattern.compile("(?s)"
            + "(?:\u001B\\[|\u009B)[0-?]*[ -/]*[@-~]?"
            + "|(?:\u001B[\\]PX^_]|[\u009D\u0090\u0098\u009E\u009F]).*?(?:\u0007|\u001B\\\\|\u009C|$)"
            + "|\u001B[ -/]*[0-~]?");

    private Printable() {
    }

    /**
     * A name (a service's): drops escape sequences and every other C0/C1 control character, and cuts the text to
     * a readable length.
     */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        String visible = text.chars().anyMatch(Character::isISOControl)
                ? ESCAPE_SEQUENCE.matcher(text).replaceAll("")
                : text;
        StringBuilder clean = new StringBuilder(Math.min(visible.length(), MAX_LENGTH));
        for (int i = 0; i < visible.length() && clean.length() < MAX_LENGTH; i++) {
            char c = visible.charAt(i);
            if (!Character.isISOControl(c)) {
                clean.append(c);
            }
        }
        return clean.length() < visible.length() && clean.length() == MAX_LENGTH ? clean + "…" : clean.toString();
    }

    /**
     * Evidence (an entry that is not an address): every control character shown as {@code \xNN}, so the reader
     * sees what was sent ({@code \x1b[2J10.0.0.1} is not mistaken for an address), cut to a readable length.
     */
    public static String visible(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder shown = new StringBuilder();
        int next = 0;
        for (; next < text.length() && shown.length() < MAX_LENGTH; next++) {
            char c = text.charAt(next);
            shown.append(Character.isISOControl(c) ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return next < text.length() ? shown + "…" : shown.toString();
    }
}
