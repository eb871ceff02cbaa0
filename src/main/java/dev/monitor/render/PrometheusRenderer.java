package dev.monitor.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.monitor.analysis.Health;
import dev.monitor.analysis.Report;
import dev.monitor.analysis.ServerRow;
import dev.monitor.analysis.ServiceHealth;
import dev.monitor.analysis.Unavailable;
import dev.monitor.analysis.Verdict;
import dev.monitor.snapshot.Server;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot.StateSetDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The Prometheus text exposition format, written by the Prometheus Java client, for node_exporter's textfile
 * collector or any scrape: base units, utilisation as a 0..1 ratio, and no sample timestamps (the collector
 * refuses them). Every report's metrics at once, whatever sections were asked for.
 */
public class PrometheusRenderer implements Renderer {

    private static final PrometheusTextFormatWriter WRITER = PrometheusTextFormatWriter.builder()
            .setIncludeCreatedTimestamps(false)
            .build();

    private final String version;

    public PrometheusRenderer(String version) {
        this.version = version;
    }

    @Override
    public void render(Report report, Set<Section> sections, PrintWriter out) {
        List<MetricSnapshot> metrics = new ArrayList<>();
        metrics.add(buildInfo());
        metrics.add(verdict(report.verdict()));
        metrics.addAll(servers(report.rows()));
        metrics.addAll(services(report.services(), report.breachesFor()));
        metrics.add(gauge("monitor_no_known_service_servers", null,
                "Servers whose service was never learnt: UNKNOWN, and in no service's gauges.",
                report.serversOfNoKnownService()));
        metrics.add(gauge("monitor_snapshot_age_seconds", Unit.SECONDS,
                "Age of the data shown, from its fetch to this report.", report.age().toMillis() / 1000.0));
        metrics.add(gauge("monitor_last_successful_fetch_timestamp_seconds", Unit.SECONDS,
                "When the data shown was fetched, in seconds since the epoch.",
                report.snapshot().fetchedAt().toEpochMilli() / 1000.0));
        if (report.snapshot().peakConcurrency() != null) {
            metrics.add(gauge("monitor_fetch_peak_concurrency", null,
                    "The most requests in flight at once during the fetch of the data shown (--concurrency auto finds"
                            + " its limit while fetching).",
                    report.snapshot().peakConcurrency()));
        }
        write(metrics, out);
    }

    /**
     * The API could not be read and no recent snapshot stands in: only what is known, and the verdict the run
     * gave that (UNKNOWN, or what {@code --unreachable-state} asked for).
     */
    @Override
    public void unavailable(Unavailable unavailable, PrintWriter out) {
        write(List.of(buildInfo(), verdict(unavailable.verdict())), out);
    }

    private static void write(List<MetricSnapshot> metrics, PrintWriter out) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            WRITER.write(bytes, new MetricSnapshots(metrics), EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.print(bytes.toString(StandardCharsets.UTF_8));
        out.flush();
    }

    private MetricSnapshot buildInfo() {
        return InfoSnapshot.builder().name("monitor_build").help("The monitor that wrote these metrics.")
                .dataPoint(InfoDataPointSnapshot.builder().labels(Labels.of("version", version)).build())
                .build();
    }

    private static MetricSnapshot verdict(Verdict verdict) {
        StateSetDataPointSnapshot.Builder states = StateSetDataPointSnapshot.builder();
        for (Verdict state : Verdict.values()) {
            states.state(state.name(), state == verdict);
        }
        return StateSetSnapshot.builder().name("monitor_verdict")
                .help("The health verdict of the cluster, as the exit code says it: OK, WARNING, CRITICAL or UNKNOWN.")
                .dataPoint(states.build()).build();
    }

    private static List<MetricSnapshot> servers(List<ServerRow> rows) {
        GaugeSnapshot.Builder cpu = GaugeSnapshot.builder().name("monitor_server_cpu_ratio").unit(Unit.RATIO)
                .help("CPU utilisation of a server that answered, 0 to 1.");
        GaugeSnapshot.Builder memory = GaugeSnapshot.builder().name("monitor_server_memory_ratio").unit(Unit.RATIO)
                .help("Memory utilisation of a server that answered, 0 to 1.");
        GaugeSnapshot.Builder reachable = GaugeSnapshot.builder().name("monitor_server_reachable")
                .help("1 when the server's figures could be fetched and read, else 0.");
        GaugeSnapshot.Builder healthy = GaugeSnapshot.builder().name("monitor_server_healthy")
                .help("1 when the server is below both limits, else 0 (also 0 when unreachable).");
        Set<String> seen = new HashSet<>();
        for (ServerRow row : rows) {
            if (!seen.add(row.ip())) {
                continue; // one series per address, whatever the API listed twice
            }
            // No service label for no known service: every value, "" as well, could be a name the API sends.
            Labels labels = row.service().map(service -> Labels.of("ip", row.ip(), "service", service))
                    .orElseGet(() -> Labels.of("ip", row.ip()));
            if (row.server() instanceof Server.Measured m) {
                cpu.dataPoint(point(labels, m.cpu() / 100.0));
                memory.dataPoint(point(labels, m.memory() / 100.0));
            }
            reachable.dataPoint(point(labels, row.health() == Health.UNKNOWN ? 0 : 1));
            healthy.dataPoint(point(labels, row.health() == Health.HEALTHY ? 1 : 0));
        }
        return List.of(cpu.build(), memory.build(), reachable.build(), healthy.build());
    }

    /** @param breachesFor the {@code --for} the report was judged with; 1 when judged at once */
    private static List<MetricSnapshot> services(List<ServiceHealth> services, int breachesFor) {
        GaugeSnapshot.Builder healthy = GaugeSnapshot.builder().name("monitor_service_healthy_servers")
                .help("Servers of the service that are healthy.");
        GaugeSnapshot.Builder total = GaugeSnapshot.builder().name("monitor_service_servers")
                .help("Servers of the service, whatever their state.");
        GaugeSnapshot.Builder minimum = GaugeSnapshot.builder().name("monitor_min_healthy_servers")
                .help("Healthy servers the service needs not to be CRITICAL (--min-healthy, a share worked out).");
        GaugeSnapshot.Builder warnMinimum = GaugeSnapshot.builder().name("monitor_warn_healthy_servers")
                .help("Healthy servers the service needs not to be WARNING (--warn-healthy, else --min-healthy).");
        GaugeSnapshot.Builder breach = GaugeSnapshot.builder().name("monitor_service_breach_fetches")
                .help("Fresh fetches in a row that found the service below --min-healthy (under --for), else 0.");
        GaugeSnapshot.Builder breachLimit = GaugeSnapshot.builder().name("monitor_service_breach_critical_fetches")
                .help("Fresh fetches in a row below --min-healthy that make the service CRITICAL (--for).");
        // Under --for every service has its breach gauges, at 0 while it is not below its minimum: an alert rule
        // wants a series that exists at 0, not one that comes and goes. Without it (or judged at once), none.
        boolean breaches = breachesFor > 1;
        for (ServiceHealth service : services) {
            Labels labels = Labels.of("service", service.service());
            healthy.dataPoint(point(labels, service.healthy()));
            total.dataPoint(point(labels, service.servers()));
            minimum.dataPoint(point(labels, service.minimum()));
            warnMinimum.dataPoint(point(labels, service.warnMinimum()));
            if (breaches) {
                breach.dataPoint(point(labels, service.breach() == null ? 0 : service.breach().count()));
                breachLimit.dataPoint(point(labels, breachesFor));
            }
        }
        List<MetricSnapshot> metrics = new ArrayList<>(
                List.of(healthy.build(), total.build(), minimum.build(), warnMinimum.build()));
        if (breaches) {
            metrics.addAll(List.of(breach.build(), breachLimit.build()));
        }
        return metrics;
    }

    private static MetricSnapshot gauge(String name, Unit unit, String help, double value) {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
        if (unit != null) {
            gauge.unit(unit);
        }
        return gauge.dataPoint(point(Labels.EMPTY, value)).build();
    }

    private static GaugeDataPointSnapshot point(Labels labels, double value) {
        return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }
}
