package dev.monitor.render;

import java.io.PrintWriter;
import java.util.ArrayList;
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
import dev.monitor.analysis.HealthyLevel;
import dev.monitor.analysis.Report;
import dev.monitor.analysis.ServerRow;
import dev.monitor.analysis.ServiceHealth;
import dev.monitor.analysis.Thresholds;
import dev.monitor.analysis.Verdict;
import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Shard;

/** Aligned columns for people, in the layout of kubectl's tables: no borders, upper-case headers. */
public class TableRenderer implements Renderer {

    private static final Styler PLAIN = StatusColours.NONE;

    private final TableStyle style;

    public TableRenderer(TableStyle style) {
        this.style = style;
    }

    @Override
    public void render(Report report, Set<Section> sections, PrintWriter out) {
        Shard shard = report.snapshot().shard();
        if (!shard.isWhole() && style.headers()) {
            int servers = report.rows().size();
            out.println("Shard " + shard + " only: " + (servers == 0 ? "none of the servers the cluster lists falls"
                    + " in it" : servers + (servers == 1 ? " server" : " servers") + " of those the cluster lists,"
                    + " judged on their own; the other shards judge the rest") + ".");
        }
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
                // Empty for no known service: the API never sends an empty name, so no service can look like it.
                column("SERVICE").with(row -> row.service().orElse("")),
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
        int noKnownService = report.serversOfNoKnownService();
        if (unknown > 0 && style.headers()) {
            out.println("Averages leave out " + unknown + " UNKNOWN server" + (unknown == 1 ? "" : "s")
                    + (noKnownService == 0 ? "" : ", " + Report.ofNoKnownService(noKnownService) + " among them")
                    + ".");
        }
    }

    private void unhealthy(Report report, PrintWriter out) {
        List<ServiceHealth> listed = report.services().stream().filter(s -> s.state() != Verdict.OK).toList();
        Thresholds thresholds = report.thresholds();
        HealthyLevel minimum = thresholds.minHealthy();
        if (listed.isEmpty()) {
            if (style.headers()) {
                // Healthy is said only of services judged on figures.
                out.println(report.rows().isEmpty() && !report.snapshot().shard().isWhole()
                        ? "No service judged: none of the servers the cluster lists falls in shard "
                                + report.snapshot().shard() + "."
                        : report.services().stream().allMatch(s -> s.measured() == 0)
                        ? "No service judged: no server gave usable figures."
                        : "All services healthy: each has at least " + thresholds.okLevel() + " healthy "
                                + servers(thresholds.warnHealthy().orElse(minimum))
                                + thresholds.ownOkLevels(
                                        report.services().stream().map(ServiceHealth::service).toList())
                                + ".");
                noKnownService(report, out);
            }
            return;
        }
        if (style.headers()) {
            // A service with levels of its own is listed against them: MINIMUM says which count it needed.
            boolean own = listed.stream().anyMatch(s -> thresholds.hasOwnLevels(s.service()));
            out.println(own ? "Services below their minimum (CRITICAL) or warning level (WARNING) of healthy servers:"
                    : "Services with fewer than " + minimum + " healthy " + servers(minimum)
                            + thresholds.warnHealthy().map(warn -> " (CRITICAL) or " + warn + " (WARNING)").orElse("")
                            + ":");
        }
        // CRITICAL in the colour of an unhealthy server, WARNING in that of an UNKNOWN one.
        Styler colour = colours(listed.stream()
                .map(s -> s.state() == Verdict.CRITICAL ? Health.UNHEALTHY : Health.UNKNOWN).toList(), 0);
        out.println(table(listed, List.of(
                column("SERVICE").with(ServiceHealth::service),
                column("STATE").with(TableRenderer::state),
                number("HEALTHY").with(s -> String.valueOf(s.healthy())),
                number("MINIMUM").with(s -> String.valueOf(s.minimum())),
                number("SERVERS").with(s -> String.valueOf(s.servers())),
                number("UNKNOWN").with(s -> String.valueOf(s.unknown()))), colour));
        if (style.headers()) {
            noKnownService(report, out);
        }
    }

    /** Servers in no service are in no row above: said, with what they do to the verdict. */
    private static void noKnownService(Report report, PrintWriter out) {
        int servers = report.serversOfNoKnownService();
        if (servers > 0) {
            out.println("Besides, " + Report.ofNoKnownService(servers) + ": UNKNOWN, so the verdict is at best "
                    + "WARNING.");
        }
    }

    /**
     * {@code CRITICAL (missing)}, {@code WARNING (breach 1 of 3)}, {@code WARNING (missing, breach 1 of 3)},
     * {@code WARNING (no figures)}, or the state alone: a breach held back is still a missing service.
     */
    private static String state(ServiceHealth service) {
        List<String> notes = new ArrayList<>(2);
        if (service.isMissing()) {
            notes.add("missing");
        }
        if (service.breachHeldBack()) {
            notes.add(service.breach().toString());
        }
        if (service.withoutFigures()) {
            notes.add("no figures");
        }
        String state = service.state().name();
        return notes.isEmpty() ? state : state + " (" + String.join(", ", notes) + ")";
    }

    private static String servers(HealthyLevel level) {
        return level instanceof HealthyLevel.Count(int count) && count == 1 ? "server" : "servers";
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f%%", value);
    }

    /** Colours the given column by each row's health, or nothing when colour is off. */
    private Styler colours(List<Health> health, int column) {
        return style.colour() ? new StatusColours(health, column) : PLAIN;
    }

    private static <T> String table(List<T> rows, List<ColumnData<T>> columns, Styler styler) {
        return Tables.trimmed(AsciiTable.builder().border(AsciiTable.NO_BORDERS).styler(styler).data(rows, columns)
                .asString());
    }

    private Column column(String header) {
        return new Column().header(style.headers() ? header : null)
                .headerAlign(HorizontalAlign.LEFT).dataAlign(HorizontalAlign.LEFT);
    }

    private Column number(String header) {
        return new Column().header(style.headers() ? header : null)
                .headerAlign(HorizontalAlign.RIGHT).dataAlign(HorizontalAlign.RIGHT);
    }
}
