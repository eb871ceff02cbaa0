package dev.monitor.render;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.monitor.analysis.Health;
import dev.monitor.analysis.Report;
import dev.monitor.analysis.ServerRow;
import dev.monitor.analysis.ServiceHealth;
import dev.monitor.analysis.Unavailable;
import dev.monitor.analysis.Verdict;
import dev.monitor.snapshot.Server;
import dev.monitor.text.Printable;

/**
 * A Nagios / Icinga plugin's output, per the monitoring-plugins development guidelines: one status line
 * {@code MONITOR STATE - summary | perfdata}, then long-output lines naming what fails: the services below
 * their minimum with their unhealthy servers, and every UNKNOWN server. Perfdata is
 * {@code 'label'=value[UOM];warn;crit;min;max}; a service's healthy count carries {@code --min-healthy} as
 * its critical range {@code N:} (fewer than N is critical).
 * <p>
 * Nagios keeps only so much of a plugin's output, so a cluster of any size gives output that fits: the status line
 * in {@value #STATUS_LINE_BYTES} bytes, the whole in {@value #OUTPUT_BYTES}. What does not fit is left out whole (a
 * perfdata label, a line), never cut in half, and the output says how much was left out.
 */
public class NagiosRenderer implements Renderer {

    /**
     * Nagios Core 3 and later keep 8 KiB of a plugin's output, Nagios 2 only 4 KiB, each with its terminating NUL:
     * the status line, perfdata and all, fits the smaller, and the whole output the larger.
     */
    static final int STATUS_LINE_BYTES = 4000;
    static final int OUTPUT_BYTES = 8000;
    /** The status line's text, which leaves the rest of the line to perfdata. */
    private static final int STATUS_TEXT_BYTES = 1500;
    /** Room kept for the line that says how many lines were left out. */
    private static final int LEFT_OUT_NOTE_BYTES = 160;

    /** One perfdata item, and how much it matters when not all fit: 0 first. */
    private record Perfdata(String item, int rank) {
    }

    @Override
    public void render(Report report, Set<Section> sections, PrintWriter out) {
        List<Perfdata> perfdata = new ArrayList<>();
        for (ServiceHealth service : report.services()) {
            // Ranges are counts: a share (--min-healthy 50%) is already worked out for each service.
            String warning = report.thresholds().warnHealthyOf(service.service()).isPresent()
                    ? service.warnMinimum() + ":"
                    : "";
            perfdata.add(new Perfdata(label(service.service() + " healthy") + "=" + service.healthy() + ";" + warning
                    + ";" + service.minimum() + ":;0;" + service.servers(), switch (service.state()) {
                        case CRITICAL -> 1;
                        case WARNING -> 2;
                        default -> 3;
                    }));
        }
        int servers = report.rows().size();
        perfdata.add(new Perfdata(label("unknown servers") + "=" + report.unknownServers() + ";0;;0;" + servers, 0));
        // Not "... healthy": no service's label can be this one.
        int noKnownService = report.serversOfNoKnownService();
        if (noKnownService > 0) {
            perfdata.add(new Perfdata(label("servers of no known service") + "=" + noKnownService + ";0;;0;" + servers,
                    0));
        }
        List<Server.Measured> measured = report.rows().stream()
                .map(ServerRow::server)
                .filter(Server.Measured.class::isInstance)
                .map(Server.Measured.class::cast)
                .toList();
        if (!measured.isEmpty()) {
            perfdata.add(new Perfdata(label("mean cpu") + "=" + mean(measured, true) + "%;;;0;100", 0));
            perfdata.add(new Perfdata(label("mean memory") + "=" + mean(measured, false) + "%;;;0;100", 0));
        }
        String status = statusLine(report.verdict(), report.summary());
        List<String> items = fitting(perfdata, STATUS_LINE_BYTES - bytes(status + " | "));
        String first = items.isEmpty() ? status : status + " | " + String.join(" ", items);
        List<String> notes = new ArrayList<>();
        if (items.size() < perfdata.size()) {
            notes.add("Perfdata: " + items.size() + " of " + perfdata.size() + " labels, the overall ones and those of "
                    + "the failing services first; the rest are left out to fit Nagios' status line");
        }
        out.println(first);
        printFitting(longOutput(report), notes, OUTPUT_BYTES - bytes(first) - 1, out);
        out.flush();
    }

    /** The services below a level, then their unhealthy servers and every UNKNOWN server. */
    private static List<String> longOutput(Report report) {
        List<String> lines = new ArrayList<>();
        for (ServiceHealth service : report.unhealthyServices()) {
            // A breach that --for holds back is WARNING, and says how far it is from CRITICAL.
            String state = service.state() + ": " + service.service();
            String breach = service.breachHeldBack() ? ", " + service.breach() : "";
            lines.add(text(service.isMissing() ? state + " is expected but has no servers" + breach
                    : state + " has " + service.healthy() + " of " + service.servers() + " servers healthy, minimum "
                            + service.minimum() + breach));
        }
        Set<String> failing = report.unhealthyServices().stream().map(ServiceHealth::service)
                .collect(Collectors.toSet());
        for (ServerRow row : report.rows()) {
            // A server of no known service has no parentheses: any name the API sends would have them.
            String service = row.service().map(name -> " (" + name + ")").orElse("");
            switch (row.server()) {
                case Server.Unknown u -> lines.add(text("UNKNOWN: " + row.ip() + service + ": " + u.reason()));
                case Server.Measured m when row.health() == Health.UNHEALTHY && failing.contains(m.service()) -> lines.add(text("Unhealthy: "
                        + row.ip() + service + ": cpu " + m.cpu() + "%, memory " + m.memory() + "%"));
                case Server.Measured m -> {
                }
            }
        }
        return lines;
    }

    /**
     * The perfdata items that fit in {@code budget} bytes, taken by rank (the overall figures, then the CRITICAL
     * services, the WARNING ones, the rest) until the next does not fit, and written in their own order.
     */
    private static List<String> fitting(List<Perfdata> perfdata, int budget) {
        List<Integer> byRank = IntStream.range(0, perfdata.size()).boxed()
                .sorted(Comparator.comparingInt(i -> perfdata.get(i).rank()))
                .toList();
        BitSet kept = new BitSet(perfdata.size());
        int used = 0;
        for (int i : byRank) {
            int size = bytes(perfdata.get(i).item()) + (used == 0 ? 0 : 1);
            if (used + size > budget) {
                break;
            }
            used += size;
            kept.set(i);
        }
        return kept.stream().mapToObj(i -> perfdata.get(i).item()).toList();
    }

    /** The lines, then the notes, in {@code budget} bytes: lines that do not fit are counted, not printed. */
    private static void printFitting(List<String> lines, List<String> notes, int budget, PrintWriter out) {
        int room = budget - notes.stream().mapToInt(note -> bytes(note) + 1).sum();
        int all = lines.stream().mapToInt(line -> bytes(line) + 1).sum();
        if (all > room) {
            room -= LEFT_OUT_NOTE_BYTES;
        }
        int shown = 0;
        for (String line : lines) {
            room -= bytes(line) + 1;
            if (room < 0) {
                break;
            }
            out.println(line);
            shown++;
        }
        if (shown < lines.size()) {
            out.println("... and " + (lines.size() - shown) + " more lines, left out to fit Nagios' output "
                    + "(-o json has them all)");
        }
        notes.forEach(out::println);
    }

    @Override
    public void unavailable(Unavailable unavailable, PrintWriter out) {
        out.println(statusLine(unavailable.verdict(), unavailable.reason()));
        out.flush();
    }

    private static String statusLine(Verdict verdict, String summary) {
        return "MONITOR " + verdict.name() + " - " + cut(text(summary), STATUS_TEXT_BYTES);
    }

    private static String mean(List<Server.Measured> servers, boolean cpu) {
        double mean = servers.stream().mapToInt(m -> cpu ? m.cpu() : m.memory()).average().orElse(0);
        return String.format(Locale.ROOT, "%.2f", mean);
    }

    /** A label may hold anything but a quote and '=', and is quoted because it may hold spaces. */
    static String label(String name) {
        return "'" + text(name).replace('\'', '_').replace('=', '_') + "'";
    }

    /**
     * Shown by {@link Printable}'s rule, so no line break or control character can start a line of its own; and '|',
     * which would start perfdata, as '/'.
     */
    private static String text(String line) {
        return Printable.line(line).replace('|', '/');
    }

    /** The text cut to at most {@code limit} bytes of UTF-8 at a character's end, "…" marking the cut. */
    private static String cut(String text, int limit) {
        if (bytes(text) <= limit) {
            return text;
        }
        int room = limit - bytes("…");
        int end = 0;
        while (end < text.length()) {
            int next = end + Character.charCount(text.codePointAt(end));
            room -= bytes(text.substring(end, next));
            if (room < 0) {
                break;
            }
            end = next;
        }
        return text.substring(0, end) + "…";
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
