package dev.monitor.render;

/**
 * How tables look: coloured status cells (only for a terminal) and the header row (off for scripts that
 * read the rows).
 */
public record TableStyle(boolean colour, boolean headers) {
}
