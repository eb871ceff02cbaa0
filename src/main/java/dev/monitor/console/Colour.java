package dev.monitor.console;

import java.util.Map;
import java.util.function.BooleanSupplier;

/** When a table may be coloured: only for a terminal, and never against the user's wish (no-color.org). */
public final class Colour {

    private Colour() {
    }

    /**
     * @param noColorFlag {@code --no-color}
     * @param environment the process environment, for {@code NO_COLOR}
     * @param terminal    whether stdout is a terminal, asked only when the rest allows colour
     */
    public static boolean wanted(boolean noColorFlag, Map<String, String> environment, BooleanSupplier terminal) {
        String noColor = environment.get("NO_COLOR");
        boolean refused = noColorFlag || (noColor != null && !noColor.isEmpty())
                || "dumb".equals(environment.get("TERM"));
        return !refused && terminal.getAsBoolean();
    }
}
