package dev.monitor.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.monitor.analysis.Outcome;
import dev.monitor.analysis.Report;
import dev.monitor.analysis.Thresholds;
import dev.monitor.analysis.Unavailable;
import dev.monitor.analysis.Verdict;
import dev.monitor.check.ClusterCheck;
import dev.monitor.check.HistoryView;
import dev.monitor.check.ReportWatch;
import dev.monitor.check.ServiceWatch;
import dev.monitor.console.Interruption;
import dev.monitor.console.ProgressBarDisplay;
import dev.monitor.console.ReportOutput;
import dev.monitor.console.StderrDiagnostics;
import dev.monitor.context.ContextStore;
import dev.monitor.fetch.FetchProgress;
import dev.monitor.fetch.FetchSettings;
import dev.monitor.fetch.ReadRequest;
import dev.monitor.history.HistoryRepository;
import dev.monitor.render.Section;
import dev.monitor.snapshot.SnapshotRepository;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@TopCommand
@Command(name = "monitor", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = { ServeCommand.class, MockServerCommand.class, ContextCommand.class, CompletionCommand.class,
                CompletionCandidatesCommand.class }, sortOptions = false, usageHelpAutoWidth = true,
        description = "Tells which services of a server cluster are healthy.%n",
        footerHeading = "%nExamples:%n",
        footer = {
                "In a terminal: every server and the means; live views of a service, of a report",
                "  monitor --port 8080 --printservers --avg",
                "  monitor --port 8080 --service AuthService 5",
                "  monitor --port 8080 --watch 10 --avg",
                "In a CI gate: exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN; Nagios line or JSON",
                "  monitor --url http://cluster:8080 -o nagios",
                "  monitor --url http://cluster:8080 -o json | jq '.counts'",
                "From cron: CRITICAL only after 3 fresh fetches in a row below the minimum; the history",
                "  monitor --url http://cluster:8080 --refresh --for 3 -o nagios",
                "  monitor --url http://cluster:8080 --history --for 3",
                "For Prometheus (node_exporter's textfile collector; run it from cron):",
                "  monitor --port 8080 -o prometheus --output-file $TEXTFILE_DIR/monitor.prom",
                "To try it: a mock cluster API, and completion of flags and service names",
                "  monitor mock-server --port 8080",
                "  source <(monitor completion bash)",
                "",
                "Exit codes: 0 OK, 1 WARNING (partial or stale data), 2 CRITICAL (a service below",
                "--min-healthy; with --for N, in N fresh fetches in a row), 3 UNKNOWN (no usable",
                "data, or a usage error)." })
public class MonitorCommand implements Callable<Integer> {

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
    CacheOptions cache;

    @Mixin
    OutputOptions output;

    @Mixin
    ReportOptions reports;

    @Option(names = "--verbose", description = "Explain on stderr: requests, timings, cache decisions.")
    boolean verbose;

    private final ClusterCheck check;
    private final SnapshotRepository repository;
    private final ServiceWatch serviceWatch;
    private final ReportWatch reportWatch;
    private final HistoryView historyView;
    private final HistoryRepository histories;
    private final Environment environment;

    public MonitorCommand(ClusterCheck check, SnapshotRepository repository, ServiceWatch serviceWatch,
            ReportWatch reportWatch, HistoryView historyView, HistoryRepository histories, Environment environment) {
        this.check = check;
        this.repository = repository;
        this.serviceWatch = serviceWatch;
        this.reportWatch = reportWatch;
        this.historyView = historyView;
        this.histories = histories;
        this.environment = environment;
    }

    /**
     * The run, from the contexts file to the last line: a signal at any point of it (reading a token from a FIFO,
     * fetching, saving) ends it with 130, the snapshot as it was.
     */
    @Override
    public Integer call() {
        try (Interruption interruption = Interruption.ofRun(spec.commandLine().getErr())) {
            try {
                int exit = run(interruption);
                return interruption.signalled() ? interruption.end() : exit;
            } catch (RuntimeException e) {
                if (!interruption.signalled()) {
                    throw e;
                }
                return interruption.end();
            }
        }
    }

    private int run(Interruption interruption) {
        Map<String, String> env = environment.variables();
        Optional<ContextOptions.Selected> selected = context.selected(new ContextStore(), env);
        URI endpoint = connection.endpoint(selected);
        Thresholds thresholds = thresholdOptions.thresholds(selected);
        int breachesFor = thresholdOptions.breachesFor();
        ServiceWatch.Target serviceWatch = reports.serviceWatch();
        Duration reportWatch = reports.reportWatch();
        PrintWriter err = spec.commandLine().getErr();
        Set<Section> sections = reports.sections();
        cache.checkAges();
        // The files are checked before anything is read (a password from stdin) or fetched.
        Path snapshotFile = cache.snapshotFile(endpoint, connection.shard(), repository);
        Path historyFile = histories.fileBeside(snapshotFile);
        if (reports.history()) {
            output.requireTable("--history", "the history file itself is JSON: " + historyFile);
            return historyView.show(snapshotFile, endpoint, breachesFor,
                    output.open(sections, spec.commandLine().getOut(), env, snapshotFile, historyFile),
                    new StderrDiagnostics(err, verbose));
        }
        ReportOutput printer = output.open(sections, spec.commandLine().getOut(), env, snapshotFile, historyFile);
        // No bar under a live view: it would draw over the frame.
        boolean progress = output.progress() && serviceWatch == null && reportWatch == null;
        StderrDiagnostics diagnostics = new StderrDiagnostics(err, verbose,
                progress ? new ProgressBarDisplay(err, env) : FetchProgress.NONE);
        FetchSettings fetch = connection.fetchSettings(
                () -> access.access(endpoint, selected, env, System.in, diagnostics), politeness::pacing);
        ReadRequest request = cache.readRequest(endpoint, snapshotFile, fetch);
        ClusterCheck.Request checkRequest = new ClusterCheck.Request(request, thresholds, breachesFor,
                thresholdOptions.unreachableState());
        if (reportWatch != null) {
            return this.reportWatch.run(reportWatch, checkRequest, sections, printer, diagnostics);
        }
        Verdict verdict = Verdict.OK;
        if (!sections.isEmpty()) {
            Outcome outcome;
            try {
                outcome = check.run(checkRequest, diagnostics);
            } catch (RuntimeException e) {
                if (!interruption.signalled()) {
                    throw e;
                }
                outcome = null;
            }
            if (interruption.signalled()) {
                // The abandoned fetch's bar may still be on the line: erase it, or the message is glued to it.
                diagnostics.progress().finished();
                return interruption.end();
            }
            switch (outcome) {
                case Unavailable unavailable -> {
                    // One verdict for stderr, the rendered output and the exit code: --unreachable-state's.
                    err.println("monitor: " + unavailable.verdict() + ": " + unavailable.reason());
                    err.flush();
                    printer.unavailable(unavailable);
                    return unavailable.verdict().exitCode();
                }
                case Report report -> {
                    printer.print(report, sections);
                    List<String> unused = report.servicesWithUnusedLevels();
                    if (!unused.isEmpty()) {
                        diagnostics.warning("the cluster lists no service " + String.join(", ", unused)
                                + ", so its own level applies to nothing (a misspelt name?)");
                    }
                    verdict = report.verdict();
                    if (verdict != Verdict.OK) {
                        err.println("monitor: " + verdict + ": " + report.summary());
                        err.flush();
                    }
                }
            }
        }
        if (serviceWatch != null) {
            return this.serviceWatch.run(serviceWatch, request, thresholds, printer, diagnostics);
        }
        return verdict.exitCode();
    }
}
