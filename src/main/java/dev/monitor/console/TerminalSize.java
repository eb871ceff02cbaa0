package dev.monitor.console;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The size of the terminal, in character cells; 0 for a figure that cannot be had. {@code LINES} and
 * {@code COLUMNS} win when set, as with curses programs; else {@code stty size} asks the controlling terminal.
 * A live view asks at each frame, so that it follows a resize (one short process a tick, at most one a second).
 */
record TerminalSize(int rows, int columns) {

    static final TerminalSize UNKNOWN = new TerminalSize(0, 0);

    static TerminalSize current(Map<String, String> environment) {
        int rows = figure(environment.get("LINES"));
        int columns = figure(environment.get("COLUMNS"));
        if (rows > 0 && columns > 0) {
            return new TerminalSize(rows, columns);
        }
        TerminalSize asked = askStty();
        return new TerminalSize(rows > 0 ? rows : asked.rows(), columns > 0 ? columns : asked.columns());
    }

    /** {@code stty size} prints "rows columns" for the terminal on its stdin: here, the controlling one. */
    private static TerminalSize askStty() {
        ProcessBuilder stty = new ProcessBuilder("stty", "size")
                .redirectInput(new File("/dev/tty"))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process process = stty.start();
            String answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            String[] figures = answer.split("\\s+");
            if (process.waitFor() != 0 || figures.length != 2) {
                return UNKNOWN;
            }
            return new TerminalSize(figure(figures[0]), figure(figures[1]));
        } catch (IOException e) {
            // No controlling terminal, or no stty: the frame is drawn whole.
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }

    /**
     * A count of rows or columns as {@code LINES}, {@code COLUMNS} and stty write it, in ASCII digits; 0 for anything
     * else ({@code Character.isDigit} and {@code Integer.parseInt} would read "٨٠" as 80).
     */
    static int figure(String text) {
        if (text == null || !text.matches("[0-9]{1,5}")) {
            return 0;
        }
        return Integer.parseInt(text);
    }
}
