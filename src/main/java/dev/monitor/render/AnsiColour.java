package dev.monitor.render;

/**
 * The foreground colours of the tables' status cells, as ECMA-48 escape sequences: the bytes picocli's
 * {@code Help.Ansi} writes, made here so that rendering needs no command line library. Whether to colour at all is
 * the caller's to decide ({@link TableStyle}).
 */
enum AnsiColour {
    RED(31),
    GREEN(32),
    YELLOW(33);

    /** Back to the terminal's own foreground colour, any other attribute (bold, underline) left as it was. */
    private static final String DEFAULT_FOREGROUND = "\u001B[39m";

    private final String on;

    AnsiColour(int code) {
        this.on = "\u001B[" + code + "m";
    }

    String around(String text) {
        return on + text + DEFAULT_FOREGROUND;
    }
}
