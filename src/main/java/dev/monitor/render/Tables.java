package dev.monitor.render;

import java.util.regex.Pattern;

/** What the tables of every human format share. */
final class Tables {

    /** The padding ascii-table puts after each line's last cell, even without borders. */
    private static final Pattern TRAILING_SPACES = Pattern.compile("(?m) +$");

    private Tables() {
    }

    /** The table without trailing spaces, which would only get in the way of diffs, copies and {@code grep '…$'}. */
    static String trimmed(String table) {
        return TRAILING_SPACES.matcher(table).replaceAll("");
    }
}
