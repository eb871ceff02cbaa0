package dev.monitor.check;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import dev.monitor.analysis.Analyzer;
import dev.monitor.analysis.Report;
import dev.monitor.analysis.Thresholds;
import dev.monitor.analysis.Verdict;
import dev.monitor.console.ReportOutput;
import dev.monitor.console.WatchScreen;
import dev.monitor.fetch.ClusterConnection;
import dev.monitor.fetch.ClusterFetcher;
import dev.monitor.fetch.ClusterReader;
import dev.monitor.fetch.ClusterUnavailableException;
import dev.monitor.fetch.Diagnostics;
import dev.monitor.fetch.ReadRequest;
import dev.monitor.fetch.Reading;
import dev.monitor.render.LiveView;
import dev.monitor.render.Section;
import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Snapshot;
import dev.monitor.text.Listing;
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
    private final ClusterFetcher fetcher;
    private final Analyzer analyzer;

    public ServiceWatch(ClusterReader reader, ClusterFetcher fetcher, Analyzer analyzer) {
        this.reader = reader;
        this.fetcher = fetcher;
        this.analyzer = analyzer;
    }

    public int run(Target target, ReadRequest request, Thresholds thresholds, ReportOutput output,
            Diagnostics diagnostics) {
        ReadRequest listing = new ReadRequest(request.endpoint(), request.snapshotFile(), request.fetch(),
                request.maxAge(), request.maxStale(), false);
        WatchScreen screen = WatchScreen.of(output, EnumSet.of(Section.SERVERS), target.service(), target.interval());
        try (ClusterConnection connection = fetcher.connect(request.endpoint(), request.fetch())) {
            return Watch.run(target.interval(), first -> {
                try {
                    List<Server> servers = serversOf(target.service(), listing, connection, diagnostics);
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

    private List<Server> serversOf(String service, ReadRequest listing, ClusterConnection connection,
            Diagnostics diagnostics) {
        Reading reading = reader.read(listing, diagnostics);
        List<Server> known = reading.snapshot().servers().stream()
                .filter(server -> service.equals(server.service()))
                .toList();
        if (known.isEmpty()) {
            TreeSet<String> services = new TreeSet<>();
            reading.snapshot().servers().forEach(server -> {
                if (server.service() != null) {
                    services.add(server.service());
                }
            });
            throw new UnknownServiceException("no service named '" + service + "'; known services: "
                    + (services.isEmpty() ? "none"
                            : Listing.of(List.copyOf(services))
                                    + (services.size() > Listing.SHOWN ? " (monitor --avg lists them all)" : "")));
        }
        if (!reading.fromCache()) {
            return known;
        }
        return connection.servers(known.stream().map(Server::ip).toList(), ip -> service)
                .await().indefinitely();
    }

    private static final class UnknownServiceException extends RuntimeException {
        UnknownServiceException(String message) {
            super(message);
        }
    }
}
