package dev.monitor.render;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.ColumnData;
import com.github.freva.asciitable.HorizontalAlign;
import com.github.freva.asciitable.Styler;

import dev.monitor.analysis.Durations;
import dev.monitor.analysis.Health;
import dev.monitor.analysis.Report;
import dev.monitor.analysis.ServerRow;
import dev.monitor.analysis.ServiceHealth;
import dev.monitor.snapshot.Server;
import picocli.CommandLine.Help.Ansi;

/** Aligned columns for people, in the layout of kubectl's tables: no borders, upper-case headers. */
public class TableRenderer implements Renderer {

    private static final Styler PLAIN = new Styler() {
    };

    private final TableStyle style;

    public TableRenderer(TableStyle style) {
        this.style = style;
    }

    @Override
    public void render(Report report, Set<Section> sections, PrintWriter out) {
        boolean first = true;
        for (Section section : Section.values()) {
            if (!sections.contains(section)) {
                continue;
            }
            if (!first) {
                out.println();
            }
            first = false;
            switch (section) {
                case SERVERS -> out.println(servers(report.rows()));
                case AVERAGES -> averages(report, out);
                case UNHEALTHY -> unhealthy(report, out);
            }
        }
        if (report.stale() != null) {
            out.println();
            out.println("Stale data, " + Durations.format(report.age()) + " old (" + report.stale() + ")");
        }
        out.flush();
    }

    public String servers(List<ServerRow> rows) {
        List<ColumnData<ServerRow>> columns = List.of(
                column("IP").with(ServerRow::ip),
                column("SERVICE").with(ServerRow::service),
                column("STATUS").with(row -> row.health().label()),
                number("CPU").with(row -> row.server() instanceof Server.Measured m ? m.cpu() + "%" : "-"),
                number("MEMORY").with(row -> row.server() instanceof Server.Measured m ? m.memory() + "%" : "-"),
                column("REASON").with(row -> row.server() instanceof Server.Unknown u ? u.reason() : ""));
        return table(rows, columns, colours(rows.stream().map(ServerRow::health).toList(), 2));
    }

    private void averages(Report report, PrintWriter out) {
        out.println(table(report.services(), List.of(
                column("SERVICE").with(ServiceHealth::service),
                number("SERVERS").with(s -> String.valueOf(s.servers())),
                number("HEALTHY").with(s -> String.valueOf(s.healthy())),
                number("UNKNOWN").with(s -> String.valueOf(s.unknown())),
                number("AVG CPU").with(s -> percent(s.meanCpu())),
                number("AVG MEMORY").with(s -> percent(s.meanMemory()))), PLAIN));
        int unknown = report.unknownServers();
        if (unknown > 0 && style.headers()) {
            out.println("Averages leave out " + unknown + " UNKNOWN server" + (unknown == 1 ? "" : "s") + ".");
        }
    }

    private void unhealthy(Report report, PrintWriter out) {
        List<ServiceHealth> below = report.unhealthyServices();
        int minimum = report.thresholds().minHealthy();
        if (below.isEmpty()) {
            if (style.headers()) {
                out.println("All services healthy: each has at least " + minimum + " healthy server"
                        + (minimum == 1 ? "" : "s") + ".");
            }
            return;
        }
        if (style.headers()) {
            out.println("Services with fewer than " + minimum + " healthy server" + (minimum == 1 ? "" : "s") + ":");
        }
        Styler red = colours(below.stream().map(s -> Health.UNHEALTHY).toList(), 0);
        out.println(table(below, List.of(
                column("SERVICE").with(ServiceHealth::service),
                number("HEALTHY").with(s -> String.valueOf(s.healthy())),
                number("SERVERS").with(s -> String.valueOf(s.servers())),
                number("UNKNOWN").with(s -> String.valueOf(s.unknown()))), red));
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f%%", value);
    }

    /** Colours the given column by each row's health, or nothing when colour is off. */
    private Styler colours(List<Health> health, int column) {
        return style.colour() ? new StatusColours(health, column) : PLAIN;
    }

    private static <T> String table(List<T> rows, List<ColumnData<T>> columns, Styler styler) {
        return AsciiTable.builder().border(AsciiTable.NO_BORDERS).styler(styler).data(rows, columns).asString();
    }

    private Column column(String header) {
        return new Column().header(style.headers() ? header : null).headerAlign(HorizontalAlign.LEFT).dataAlign(HorizontalAlign.LEFT);
    }

    private Column number(String header) {
        return new Column().header(style.headers() ? header : null).headerAlign(HorizontalAlign.RIGHT).dataAlign(HorizontalAlign.RIGHT);
    }

    /**
     * Colours one column's cells by the health of their row, after the table library has padded them, so the
     * escape codes never count towards a column's width.
     */
    private record StatusColours(List<Health> health, int statusColumn) implements Styler {

        @Override
        public List<String> styleCell(Column column, int row, int col, List<String> lines) {
            if (col != statusColumn) {
                return lines;
            }
            Ansi.Style colour = switch (health.get(row)) {
                case HEALTHY -> Ansi.Style.fg_green;
                case UNHEALTHY -> Ansi.Style.fg_red;
                case UNKNOWN -> Ansi.Style.fg_yellow;
            };
            // Around the word only: the padding stays plain, so an underlined or inverse theme looks right too.
            return lines.stream().map(line -> {
                String word = line.strip();
                int at = line.indexOf(word);
                return word.isEmpty() ? line
                        : line.substring(0, at) + colour.on() + word + colour.off() + line.substring(at + word.length());
            }).toList();
        }
    }
}
