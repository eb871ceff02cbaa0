package dev.monitor.fetch;

/** Text from the network made safe for a terminal: no control characters, bounded length. */
public final class Printable {

    private static final int MAX_LENGTH = 200;

    private Printable() {
    }

    /** Drops C0/C1 control characters (escape sequences included) and cuts the text to a readable length. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
        for (int i = 0; i < text.length() && clean.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            if (!Character.isISOControl(c)) {
                clean.append(c);
            }
        }
        return clean.length() < text.length() && clean.length() == MAX_LENGTH ? clean + "…" : clean.toString();
    }
}
