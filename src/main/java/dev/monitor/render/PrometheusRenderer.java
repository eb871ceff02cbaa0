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
import dev.monitor.analysis.Outcome;
import dev.monitor.analysis.Report;
import dev.monitor.analysis.ServerRow;
import dev.monitor.analysis.ServiceHealth;
import dev.monitor.analysis.Unavailable;
import dev.monitor.analysis.Verdict;
import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Shard;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.config.ExporterProperties;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
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
 * The metrics of a report, for Prometheus: what {@code -o prometheus} writes for node_exporter's textfile collector,
 * and what an exporter answers a scrape with, by one renderer, so that both carry the same names and help texts.
 * Written by the Prometheus Java client: base units, utilisation as a 0..1 ratio, and no sample timestamps (the
 * collector refuses them).
 * <p>
 * Per service, counts and sums rather than means (servers, healthy, UNKNOWN, measured; cpu and memory summed over
 * the measured servers), so that the shards of one cluster add up in Prometheus: a mean is a sum over a count. The
 * shard is a label of one info metric, never of every series, so that adding up needs no label taken away. Every
 * report's metrics at once, whatever sections were asked for.
 */
public class PrometheusRenderer implements Renderer {

    /** Created timestamps are for counters; there are none here, and the textfile collector refuses timestamps. */
    private static final ExpositionFormats FORMATS = ExpositionFormats.init(PrometheusProperties.builder()
            .exporterProperties(ExporterProperties.builder().includeCreatedTimestamps(false).build()).build());

    private final String version;
    private final boolean perServer;

    /** Every series, those of each server included, as {@code -o prometheus} writes them. */
    public PrometheusRenderer(String version) {
        this(version, true);
    }

    /**
     * @param perServer whether to write the four series of each server: 400,000 for a cluster of 100,000, which a
     *                  long-running exporter should not put on Prometheus unless asked (its advice on label
     *                  cardinality)
     */
    public PrometheusRenderer(String version, boolean perServer) {
        this.version = version;
        this.perServer = perServer;
    }

    /** The metrics as a scrape gets them: their format, which the scraper chose, and their bytes. */
    public record Exposition(String contentType, byte[] body) {
    }

    @Override
    public void render(Report report, Set<Section> sections, PrintWriter out) {
        print(expose(report, null), out);
    }

    /**
     * The API could not be read and no recent snapshot stands in: only what is known, and the verdict the run
     * gave that (UNKNOWN, or what {@code --unreachable-state} asked for).
     */
    @Override
    public void unavailable(Unavailable unavailable, PrintWriter out) {
        print(expose(unavailable, null), out);
    }

    /**
     * The report's metrics in the format a scraper's {@code Accept} header asks for, chosen as the Prometheus Java
     * client chooses it: OpenMetrics when asked for, else the Prometheus text format (also for no header at all).
     */
    public Exposition expose(Report report, String accept) {
        return write(metrics(report), writer(accept));
    }

    /** What is known when there is no data (see {@link #unavailable(Unavailable, PrintWriter)}). */
    public Exposition expose(Unavailable unavailable, String accept) {
        return write(metrics(unavailable), writer(accept));
    }

    /**
     * The metrics of one outcome written once in each format a scraper may ask for, so that an exporter answers every
     * scrape of it by picking one, with no writing at all.
     */
    public Expositions expositions(Outcome outcome) {
        List<MetricSnapshot> metrics = switch (outcome) {
            case Report report -> metrics(report);
            case Unavailable unavailable -> metrics(unavailable);
        };
        return new Expositions(write(metrics, FORMATS.getPrometheusTextFormatWriter()),
                write(metrics, FORMATS.getOpenMetricsTextFormatWriter()));
    }

    /** One outcome's metrics in the Prometheus text format and in OpenMetrics. */
    public record Expositions(Exposition text, Exposition openMetrics) {

        /** The one the scraper's {@code Accept} header asks for, as {@link #expose(Report, String)} chooses it. */
        public Exposition forAccept(String accept) {
            return writer(accept) == FORMATS.getOpenMetricsTextFormatWriter() ? openMetrics : text;
        }
    }

    private List<MetricSnapshot> metrics(Report report) {
        List<MetricSnapshot> metrics = new ArrayList<>();
        metrics.add(buildInfo());
        metrics.add(shardInfo(report.snapshot().shard()));
        metrics.add(verdict(report.verdict()));
        metrics.add(up(report.stale() == null));
        metrics.add(gauge("monitor_last_successful_fetch_timestamp_seconds", Unit.SECONDS,
                "When the data shown was fetched, in seconds since the epoch.",
                report.snapshot().fetchedAt().toEpochMilli() / 1000.0));
        metrics.add(gauge("monitor_snapshot_age_seconds", Unit.SECONDS,
                "Age of the data shown, from its fetch to this report.", report.age().toMillis() / 1000.0));
        if (report.snapshot().fetchDuration() != null) {
            metrics.add(gauge("monitor_fetch_duration_seconds", Unit.SECONDS,
                    "How long the fetch of the data shown took, from asking for the server list to the last server.",
                    report.snapshot().fetchDuration().toMillis() / 1000.0));
        }
        if (report.snapshot().peakConcurrency() != null) {
            metrics.add(gauge("monitor_fetch_peak_concurrency", null,
                    "The most requests in flight at once during the fetch of the data shown (--concurrency auto finds"
                            + " its limit while fetching).",
                    report.snapshot().peakConcurrency()));
        }
        metrics.add(gauge("monitor_fetched_servers", null, "Servers in the data shown, whatever their state: every"
                + " address of the server list, or of this shard's share of it.", report.rows().size()));
        metrics.add(gauge("monitor_unknown_servers", null, "Servers in the data shown whose figures could not be"
                + " fetched or read (UNKNOWN), those of no known service included.", report.unknownServers()));
        metrics.add(gauge("monitor_no_known_service_servers", null,
                "Servers whose service was never learnt: UNKNOWN, and in no service's gauges.",
                report.serversOfNoKnownService()));
        metrics.add(gauge("monitor_cpu_limit_ratio", Unit.RATIO, "A server is healthy only with cpu below this"
                + " (--cpu-limit), 0 to 1.", report.thresholds().cpuLimit() / 100.0));
        metrics.add(gauge("monitor_memory_limit_ratio", Unit.RATIO, "A server is healthy only with memory below this"
                + " (--memory-limit), 0 to 1.", report.thresholds().memoryLimit() / 100.0));
        metrics.addAll(services(report.services(), report.breachesFor()));
        if (perServer) {
            metrics.addAll(servers(report.rows()));
        }
        return metrics;
    }

    /** Which shard failed, and the verdict: a sum over the shards then knows which one is missing. */
    private List<MetricSnapshot> metrics(Unavailable unavailable) {
        return List.of(buildInfo(), shardInfo(unavailable.shard()), verdict(unavailable.verdict()), up(false));
    }

    /** The Prometheus Java client's choice; protobuf, asked for but not on the class path, is the text format. */
    private static ExpositionFormatWriter writer(String accept) {
        ExpositionFormatWriter writer = FORMATS.findWriter(accept);
        return writer.isAvailable() ? writer : FORMATS.getPrometheusTextFormatWriter();
    }

    private static Exposition write(List<MetricSnapshot> metrics, ExpositionFormatWriter writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            // Every name here is a legacy Prometheus name: no scheme has anything to escape.
            writer.write(bytes, new MetricSnapshots(metrics), EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Exposition(writer.getContentType(), bytes.toByteArray());
    }

    /** Prometheus' own {@code up} says whether monitor answered the scrape; this, whether monitor could read the API. */
    private static MetricSnapshot up(boolean fresh) {
        return gauge("monitor_up", null, "1 when the data shown is fresh from the cluster API, 0 when the API could"
                + " not be read and older data stands in (stale) or there is none.", fresh ? 1 : 0);
    }

    private static void print(Exposition exposition, PrintWriter out) {
        out.print(new String(exposition.body(), StandardCharsets.UTF_8));
        out.flush();
    }

    private MetricSnapshot buildInfo() {
        return InfoSnapshot.builder().name("monitor_build").help("The monitor that wrote these metrics.")
                .dataPoint(InfoDataPointSnapshot.builder().labels(Labels.of("version", version)).build())
                .build();
    }

    /** On one info metric, not on every series: a sum over the shards then needs no label taken away. */
    private static MetricSnapshot shardInfo(Shard shard) {
        return InfoSnapshot.builder().name("monitor_shard")
                .help("The shard of the cluster's servers these metrics are of: K of N (1 of 1 is the whole cluster).")
                .dataPoint(InfoDataPointSnapshot.builder().labels(Labels.of("shard", String.valueOf(shard.number()),
                        "shards", String.valueOf(shard.of()))).build())
                .build();
    }

    private static MetricSnapshot verdict(Verdict verdict) {
        StateSetDataPointSnapshot.Builder states = StateSetDataPointSnapshot.builder();
        for (Verdict state : Verdict.values()) {
            states.state(state.name(), state == verdict);
        }
        return StateSetSnapshot.builder().name("monitor_verdict")
                .help("The health verdict, as the exit code says it: OK, WARNING, CRITICAL or UNKNOWN (of this shard's"
                        + " servers only, under --shard).")
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
        GaugeSnapshot.Builder unknown = GaugeSnapshot.builder().name("monitor_service_unknown_servers")
                .help("Servers of the service whose figures could not be fetched or read (UNKNOWN).");
        GaugeSnapshot.Builder measured = GaugeSnapshot.builder().name("monitor_service_measured_servers")
                .help("Servers of the service that gave figures: what the summed cpu and memory are divided by for"
                        + " their mean.");
        GaugeSnapshot.Builder cpu = GaugeSnapshot.builder().name("monitor_service_summed_cpu_ratio").unit(Unit.RATIO)
                .help("CPU utilisation (0 to 1) of the servers of the service that gave figures, added up: over"
                        + " monitor_service_measured_servers, their mean.");
        GaugeSnapshot.Builder memory = GaugeSnapshot.builder().name("monitor_service_summed_memory_ratio")
                .unit(Unit.RATIO).help("Memory utilisation (0 to 1) of the servers of the service that gave figures,"
                        + " added up: over monitor_service_measured_servers, their mean.");
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
            unknown.dataPoint(point(labels, service.unknown()));
            measured.dataPoint(point(labels, service.measured()));
            cpu.dataPoint(point(labels, service.cpuSum() / 100.0));
            memory.dataPoint(point(labels, service.memorySum() / 100.0));
            minimum.dataPoint(point(labels, service.minimum()));
            warnMinimum.dataPoint(point(labels, service.warnMinimum()));
            if (breaches) {
                breach.dataPoint(point(labels, service.breach() == null ? 0 : service.breach().count()));
                breachLimit.dataPoint(point(labels, breachesFor));
            }
        }
        List<MetricSnapshot> metrics = new ArrayList<>(List.of(healthy.build(), total.build(), unknown.build(),
                measured.build(), cpu.build(), memory.build(), minimum.build(), warnMinimum.build()));
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
