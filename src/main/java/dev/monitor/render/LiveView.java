package dev.monitor.render;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;

import dev.monitor.analysis.Report;
import dev.monitor.analysis.ServerRow;
import dev.monitor.analysis.ServiceHealth;
import dev.monitor.analysis.Verdict;
import dev.monitor.snapshot.Server;

/**
 * The frames of a watch: the latest report, headed by its time and verdict, and for a service each server's
 * cpu and memory with a sparkline of the last {@value #TREND} ticks. Pure text; the caller decides whether it
 * redraws a terminal in place or prints one block per tick.
 */
public final class LiveView {

    /** Ticks a trend shows: enough to see a direction, short enough for a narrow terminal. */
    public static final int TREND = 12;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final char[] BARS = { '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█' };

    /** One report of a watch and the time it was made. */
    public record Tick(Instant at, Report report) {
    }

    private final Deque<Tick> ticks = new ArrayDeque<>();
    private final ZoneId zone;

    public LiveView(ZoneId zone) {
        this.zone = zone;
    }

    public void add(Tick tick) {
        ticks.addLast(tick);
        if (ticks.size() > TREND) {
            ticks.removeFirst();
        }
    }

    /** {@code --service NAME SECONDS}: the service's health, then one row per server with its trends. */
    public String serviceFrame(String service, Duration interval, TableStyle style) {
        Tick latest = ticks.getLast();
        Report report = latest.report();
        ServiceHealth health = report.services().stream().filter(s -> s.service().equals(service)).findFirst()
                .orElse(ServiceHealth.missing(service, 0, 0));
        StringBuilder frame = new StringBuilder();
        frame.append(String.format("%s at %s: %d of %d servers healthy (minimum %d)%s, every %ds, Ctrl-C to stop%n",
                service, time(latest.at()), health.healthy(), health.servers(), health.minimum(),
                health.state() == Verdict.OK ? "" : ", " + health.state(), interval.toSeconds()));
        List<ServerRow> rows = report.rows();
        List<Map<String, Server.Measured>> history = history();
        String[][] cells = new String[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            ServerRow row = rows.get(i);
            cells[i] = new String[] { row.ip(), row.health().label(), figure(row, true),
                    trend(history, row.ip(), true), figure(row, false), trend(history, row.ip(), false),
                    row.server() instanceof Server.Unknown u ? u.reason() : "" };
        }
        Column[] columns = {
                column("IP", HorizontalAlign.LEFT, style), column("STATUS", HorizontalAlign.LEFT, style),
                column("CPU", HorizontalAlign.RIGHT, style), column("", HorizontalAlign.LEFT, style),
                column("MEMORY", HorizontalAlign.RIGHT, style), column("", HorizontalAlign.LEFT, style),
                column("REASON", HorizontalAlign.LEFT, style) };
        frame.append(Tables.trimmed(AsciiTable.builder().border(AsciiTable.NO_BORDERS)
                .styler(style.colour() ? new StatusColours(rows.stream().map(ServerRow::health).toList(), 1)
                        : StatusColours.NONE)
                .data(columns, cells).asString()));
        return frame.toString();
    }

    /** {@code --watch SECONDS}: the time and verdict, then the report's tables as a single run prints them. */
    public String reportFrame(Set<Section> sections, Duration interval, TableStyle style) {
        Tick latest = ticks.getLast();
        Report report = latest.report();
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.printf("monitor at %s: %s, %s; every %ds, Ctrl-C to stop%n", time(latest.at()), report.verdict(),
                report.summary(), interval.toSeconds());
        new TableRenderer(style).render(report, sections.isEmpty() ? EnumSet.of(Section.UNHEALTHY) : sections, out);
        out.flush();
        return text.toString();
    }

    /** Each tick's measured servers by address, oldest first, so that a frame reads each tick once. */
    private List<Map<String, Server.Measured>> history() {
        List<Map<String, Server.Measured>> history = new ArrayList<>();
        for (Tick tick : ticks) {
            Map<String, Server.Measured> measured = new HashMap<>();
            for (ServerRow row : tick.report().rows()) {
                if (row.server() instanceof Server.Measured m) {
                    measured.put(row.ip(), m);
                }
            }
            history.add(measured);
        }
        return history;
    }

    /** One bar per tick, from ▁ (0%) to █ (100%); a blank where the server had no figure. */
    static String trend(List<Map<String, Server.Measured>> history, String ip, boolean cpu) {
        StringBuilder bars = new StringBuilder();
        for (Map<String, Server.Measured> tick : history) {
            Server.Measured m = tick.get(ip);
            int value = m == null ? -1 : cpu ? m.cpu() : m.memory();
            bars.append(value < 0 ? ' ' : BARS[Math.min(BARS.length - 1, value * BARS.length / 101)]);
        }
        return bars.toString();
    }

    private String time(Instant at) {
        return CLOCK.format(LocalTime.ofInstant(at, zone));
    }

    private static String figure(ServerRow row, boolean cpu) {
        return row.server() instanceof Server.Measured m ? (cpu ? m.cpu() : m.memory()) + "%" : "-";
    }

    private static Column column(String header, HorizontalAlign align, TableStyle style) {
        return new Column().header(style.headers() ? header : null).headerAlign(align).dataAlign(align);
    }
}
