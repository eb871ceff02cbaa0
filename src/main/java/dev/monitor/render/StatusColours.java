package dev.monitor.render;

import java.util.List;

import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.Styler;

import dev.monitor.analysis.Health;

/**
 * Colours one column's cells by the health of their row (green Healthy, red Unhealthy, yellow UNKNOWN), after
 * the table library has padded them, so the escape codes never count towards a column's width.
 */
record StatusColours(List<Health> health, int statusColumn) implements Styler {

    /** Leaves every cell as it is. */
    static final Styler NONE = new Styler() {
    };

    @Override
    public List<String> styleCell(Column column, int row, int col, List<String> lines) {
        if (col != statusColumn) {
            return lines;
        }
        AnsiColour colour = switch (health.get(row)) {
            case HEALTHY -> AnsiColour.GREEN;
            case UNHEALTHY -> AnsiColour.RED;
            case UNKNOWN -> AnsiColour.YELLOW;
        };
        // Around the word only: the padding stays plain, so an underlined or inverse theme looks right too.
        return lines.stream().map(line -> {
            String word = line.strip();
            int at = line.indexOf(word);
            return word.isEmpty() ? line
                    : line.substring(0, at) + colour.around(word) + line.substring(at + word.length());
        }).toList();
    }
}
