package dev.monitor.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.monitor.analysis.Durations;
import dev.monitor.analysis.Thresholds;
import dev.monitor.check.ClusterCheck;
import dev.monitor.check.Watch;
import dev.monitor.console.StderrDiagnostics;
import dev.monitor.context.ContextStore;
import dev.monitor.fetch.FetchSettings;
import dev.monitor.render.PrometheusRenderer;
import dev.monitor.serve.Exporter;
import dev.monitor.serve.ListenAddress;
import dev.monitor.snapshot.Shard;
import dev.monitor.snapshot.SnapshotRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code monitor serve}: the exporter, fetching every interval and answering Prometheus' scrapes until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = { "Export the cluster's health to Prometheus: fetch it every --interval in the background and"
                + " answer GET /metrics with the last complete fetch (GET /-/healthy, /-/ready as Prometheus'"
                + " own), until Ctrl-C or SIGTERM (exit 0).%n" },
        footerHeading = "%nExamples:%n",
        footer = {
                "  monitor serve --url http://cluster:8080",
                "Three shards, each fetching a third of the servers; deploy/prometheus/ adds them up:",
                "  monitor serve --url http://cluster:8080 --shard 1/3 --listen 127.0.0.1:9817",
                "  monitor serve --url http://cluster:8080 --shard 2/3 --listen 127.0.0.1:9818",
                "  monitor serve --url http://cluster:8080 --shard 3/3 --listen 127.0.0.1:9819" })
public class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ContextOptions context;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    AccessOptions access;

    @Mixin
    PolitenessOptions politeness;

    @Mixin
    ThresholdOptions thresholdOptions;

    @Mixin
    SnapshotOptions cache;

    @Option(names = "--listen", paramLabel = "HOST:PORT", converter = ListenAddressConverter.class,
            description = "Where to answer scrapes: an IPv6 address in brackets, port 0 for any free one; 0.0.0.0 or"
                    + " [::] answers every interface (default: ${DEFAULT-VALUE}, this machine only).")
    ListenAddress listen;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Fetch every DURATION, at least 1s; a fetch that takes longer delays the next, never"
                    + " overlaps it (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--per-server", description = "Export the four series of each server too (ip and service"
            + " labels): 400,000 series for 100,000 servers.")
    boolean perServer;

    @Option(names = "--verbose", description = "Explain on stderr: requests, timings, each fetch.")
    boolean verbose;

    private final Exporter exporter;
    private final SnapshotRepository repository;
    private final Environment environment;

    public ServeCommand(Exporter exporter, SnapshotRepository repository, Environment environment) {
        this.exporter = exporter;
        this.repository = repository;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Map<String, String> env = environment.variables();
        Optional<ContextOptions.Selected> selected = context.selected(new ContextStore(), env);
        URI endpoint = connection.endpoint(selected);
        if (interval.compareTo(Watch.MINIMUM_INTERVAL) < 0) {
            throw new ParameterException(spec.commandLine(), "--interval must be at least "
                    + Durations.exact(Watch.MINIMUM_INTERVAL) + ", not " + Durations.exact(interval)
                    + ": every fetch asks the cluster API for every server");
        }
        PrintWriter err = spec.commandLine().getErr();
        StderrDiagnostics diagnostics = new StderrDiagnostics(err, verbose);
        ClusterCheck.Request request = request(endpoint, selected, env, diagnostics);
        return exporter.run(new Exporter.Settings(request, listen, interval,
                new PrometheusRenderer(VersionProvider.version(), perServer)), diagnostics, bound -> {
            // Scripts and tests wait for this line (on stderr, like every message) to know the port is open.
            Shard shard = request.read().fetch().shard();
            err.printf("monitor: serving metrics of %s%s on http://%s/metrics every %s%n", endpoint,
                    shard.isWhole() ? "" : " (" + shard.inWords() + ")", bound, Durations.exact(interval));
            err.flush();
        });
    }

    /** Each fetch's request, checked whole before the port opens: a usage error never leaves it half served. */
    private ClusterCheck.Request request(URI endpoint, Optional<ContextOptions.Selected> selected,
            Map<String, String> env, StderrDiagnostics diagnostics) {
        Thresholds thresholds = thresholdOptions.thresholds(selected);
        int breachesFor = thresholdOptions.breachesFor();
        Path snapshotFile = cache.snapshotFile(endpoint, connection.shard(), repository);
        // Last: access may read a secret from standard input, once the rest is known to be right.
        FetchSettings fetch = connection.fetchSettings(
                () -> access.access(endpoint, selected, env, System.in, diagnostics), politeness::pacing);
        return new ClusterCheck.Request(cache.freshRequest(endpoint, snapshotFile, fetch), thresholds, breachesFor,
                thresholdOptions.unreachableState());
    }
}
