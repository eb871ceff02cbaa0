package dev.monitor.check;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.monitor.analysis.Analyzer;
import dev.monitor.analysis.Report;
import dev.monitor.analysis.Thresholds;
import dev.monitor.analysis.Verdict;
import dev.monitor.console.ReportOutput;
import dev.monitor.console.WatchScreen;
import dev.monitor.fetch.ClusterConnection;
import dev.monitor.fetch.ClusterReader;
import dev.monitor.fetch.ClusterUnavailableException;
import dev.monitor.fetch.Diagnostics;
import dev.monitor.fetch.ReadRequest;
import dev.monitor.fetch.UnknownServiceException;
import dev.monitor.render.LiveView;
import dev.monitor.render.Section;
import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Snapshot;
import dev.monitor.text.Printable;

/**
 * {@code --service NAME SECONDS}: every interval, the service's servers fetched afresh and shown, until
 * Ctrl-C. Which servers belong to the service comes from the snapshot, so {@code /servers} is read at most
 * once per {@code --max-age}.
 */
@ApplicationScoped
public class ServiceWatch {

    /** @param service as the cluster's names are shown, so that it is found when typed as monitor shows it */
    public record Target(String service, Duration interval) {
        public Target {
            service = Printable.of(service);
        }
    }

    private final ClusterReader reader;
    private final Analyzer analyzer;

    public ServiceWatch(ClusterReader reader, Analyzer analyzer) {
        this.reader = reader;
        this.analyzer = analyzer;
    }

    public int run(Target target, ReadRequest request, Thresholds thresholds, ReportOutput output,
            Diagnostics diagnostics) {
        WatchScreen screen = WatchScreen.of(output, EnumSet.of(Section.SERVERS), target.service(), target.interval());
        try (ClusterConnection connection = reader.connect(request.endpoint(), request.fetch())) {
            return Watch.run(target.interval(), first -> {
                try {
                    List<Server> servers = reader.readService(request, target.service(), connection, diagnostics);
                    Instant now = Instant.now();
                    Report report = analyzer.analyze(new Snapshot(request.endpoint(), now, servers), thresholds,
                            now, null);
                    screen.show(new LiveView.Tick(now, output.ordered(report)));
                    if (servers.stream().allMatch(Server.Unknown.class::isInstance)) {
                        diagnostics.warning("no server of " + target.service() + " answered ("
                                + ((Server.Unknown) servers.getFirst()).reason() + "); trying again in "
                                + target.interval().toSeconds() + "s");
                    }
                } catch (UnknownServiceException e) {
                    if (first) {
                        diagnostics.error(e.getMessage());
                        return Verdict.UNKNOWN.exitCode();
                    }
                    diagnostics.warning(e.getMessage());
                } catch (ClusterUnavailableException e) {
                    diagnostics.warning(e.getMessage() + "; trying again in " + target.interval().toSeconds() + "s");
                }
                return null;
            }, screen);
        }
    }
}
