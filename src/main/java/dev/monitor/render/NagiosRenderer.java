package dev.monitor.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.monitor.analysis.Health;
import dev.monitor.analysis.Report;
import dev.monitor.analysis.ServerRow;
import dev.monitor.analysis.ServiceHealth;
import dev.monitor.analysis.Verdict;
import dev.monitor.snapshot.Server;

/**
 * A Nagios / Icinga plugin's output, per the monitoring-plugins development guidelines: one status line
 * {@code MONITOR STATE - summary | perfdata}, then long-output lines naming what fails: the services below
 * their minimum with their unhealthy servers, and every UNKNOWN server. Perfdata is
 * {@code 'label'=value[UOM];warn;crit;min;max}; a service's healthy count carries {@code --min-healthy} as
 * its critical range {@code N:} (fewer than N is critical).
 */
public class NagiosRenderer implements Renderer {

    @Override
    public void render(Report report, Set<Section> sections, PrintWriter out) {
        List<String> perfdata = new ArrayList<>();
        for (ServiceHealth service : report.services()) {
            // Ranges are counts: a share (--min-healthy 50%) is already worked out for each service.
            String warning = report.thresholds().warnHealthyOf(service.service()).isPresent()
                    ? service.warnMinimum() + ":"
                    : "";
            perfdata.add(label(service.service() + " healthy") + "=" + service.healthy() + ";" + warning + ";"
                    + service.minimum() + ":;0;" + service.servers());
        }
        int servers = report.rows().size();
        perfdata.add(label("unknown servers") + "=" + report.unknownServers() + ";0;;0;" + servers);
        // Not "... healthy": no service's label can be this one.
        int noKnownService = report.serversOfNoKnownService();
        if (noKnownService > 0) {
            perfdata.add(label("servers of no known service") + "=" + noKnownService + ";0;;0;" + servers);
        }
        List<Server.Measured> measured = report.rows().stream()
                .map(ServerRow::server)
                .filter(Server.Measured.class::isInstance)
                .map(Server.Measured.class::cast)
                .toList();
        if (!measured.isEmpty()) {
            perfdata.add(label("mean cpu") + "=" + mean(measured, true) + "%;;;0;100");
            perfdata.add(label("mean memory") + "=" + mean(measured, false) + "%;;;0;100");
        }
        out.println(statusLine(report.verdict(), report.summary()) + " | " + String.join(" ", perfdata));
        for (ServiceHealth service : report.unhealthyServices()) {
            // A breach that --for holds back is WARNING, and says how far it is from CRITICAL.
            String state = service.state() + ": " + service.service();
            String breach = service.breachHeldBack() ? ", " + service.breach() : "";
            out.println(text(service.isMissing() ? state + " is expected but has no servers" + breach
                    : state + " has " + service.healthy() + " of " + service.servers() + " servers healthy, minimum "
                            + service.minimum() + breach));
        }
        Set<String> failing = report.unhealthyServices().stream().map(ServiceHealth::service)
                .collect(Collectors.toSet());
        for (ServerRow row : report.rows()) {
            // A server of no known service has no parentheses: any name the API sends would have them.
            String service = row.service().map(name -> " (" + name + ")").orElse("");
            switch (row.server()) {
                case Server.Unknown u -> out.println(text("UNKNOWN: " + row.ip() + service + ": " + u.reason()));
                case Server.Measured m when row.health() == Health.UNHEALTHY && failing.contains(m.service()) -> out.println(text("Unhealthy: "
                        + row.ip() + service + ": cpu " + m.cpu() + "%, memory " + m.memory() + "%"));
                case Server.Measured m -> {
                }
            }
        }
        out.flush();
    }

    @Override
    public void unavailable(Unavailable unavailable, PrintWriter out) {
        out.println(statusLine(unavailable.verdict(), unavailable.reason()));
        out.flush();
    }

    private static String statusLine(Verdict verdict, String summary) {
        return text("MONITOR " + verdict.name() + " - " + summary);
    }

    private static String mean(List<Server.Measured> servers, boolean cpu) {
        double mean = servers.stream().mapToInt(m -> cpu ? m.cpu() : m.memory()).average().orElse(0);
        return String.format(Locale.ROOT, "%.2f", mean);
    }

    /** A label may hold anything but a quote and '=', and is quoted because it may hold spaces. */
    static String label(String name) {
        return "'" + text(name).replace('\'', '_').replace('=', '_') + "'";
    }

    /** '|' would start perfdata and a line break a new line; names from the API may hold either. */
    private static String text(String line) {
        return line.replace('|', '/').replaceAll("\\p{Cntrl}", "?");
    }
}
