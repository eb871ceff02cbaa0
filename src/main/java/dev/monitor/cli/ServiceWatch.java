package dev.monitor.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import dev.monitor.analysis.Analyzer;
import dev.monitor.analysis.Report;
import dev.monitor.analysis.ServiceHealth;
import dev.monitor.analysis.Thresholds;
import dev.monitor.analysis.Verdict;
import dev.monitor.fetch.ClusterConnection;
import dev.monitor.fetch.ClusterFetcher;
import dev.monitor.fetch.ClusterReader;
import dev.monitor.fetch.ClusterUnavailableException;
import dev.monitor.fetch.Diagnostics;
import dev.monitor.fetch.ReadRequest;
import dev.monitor.fetch.Reading;
import dev.monitor.render.TableRenderer;
import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Snapshot;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code --service NAME SECONDS}: every interval, the service's servers fetched afresh and printed, until
 * Ctrl-C, which is the normal way out and so exits 0. Which servers belong to the service comes from the
 * snapshot, so {@code /servers} is read at most once per {@code --max-age}.
 */
@ApplicationScoped
public class ServiceWatch {

    public record Target(String service, Duration interval) {
    }

    private final ClusterReader reader;
    private final ClusterFetcher fetcher;
    private final Analyzer analyzer;

    public ServiceWatch(ClusterReader reader, ClusterFetcher fetcher, Analyzer analyzer) {
        this.reader = reader;
        this.fetcher = fetcher;
        this.analyzer = analyzer;
    }

    public int run(Target target, ReadRequest request, Thresholds thresholds, ReportOutput out,
            Diagnostics diagnostics) {
        CountDownLatch stop = new CountDownLatch(1);
        SignalHandler previousInt = Signal.handle(new Signal("INT"), signal -> stop.countDown());
        SignalHandler previousTerm = Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        ReadRequest listing = new ReadRequest(request.endpoint(), request.snapshotFile(), request.fetch(),
                request.maxAge(), request.maxStale(), false);
        try (ClusterConnection connection = fetcher.connect(request.endpoint(), request.fetch())) {
            boolean first = true;
            do {
                try {
                    List<Server> servers = serversOf(target.service(), listing, connection, diagnostics);
                    print(target, servers, request, thresholds, out);
                } catch (UnknownServiceException e) {
                    if (first) {
                        diagnostics.error(e.getMessage());
                        return Verdict.UNKNOWN.exitCode();
                    }
                    diagnostics.warning(e.getMessage());
                } catch (ClusterUnavailableException e) {
                    diagnostics.warning(e.getMessage() + "; trying again in " + target.interval().toSeconds() + "s");
                }
                first = false;
            } while (!stop.await(target.interval().toMillis(), TimeUnit.MILLISECONDS));
            return Verdict.OK.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.OK.exitCode();
        } finally {
            Signal.handle(new Signal("INT"), previousInt);
            Signal.handle(new Signal("TERM"), previousTerm);
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
                    + (services.isEmpty() ? "none" : String.join(", ", services)));
        }
        if (!reading.fromCache()) {
            return known;
        }
        return connection.servers(known.stream().map(Server::ip).toList(), ip -> service)
                .await().indefinitely();
    }

    private void print(Target target, List<Server> servers, ReadRequest request, Thresholds thresholds,
            ReportOutput output) {
        PrintWriter out = output.stdoutWriter();
        Instant now = Instant.now();
        Report report = analyzer.analyze(new Snapshot(request.endpoint(), now, servers), thresholds, now, null);
        ServiceHealth health = report.services().getFirst();
        out.printf("%s at %s: %d of %d servers healthy (minimum %d)%s%n", target.service(),
                LocalTime.ofInstant(now, ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS),
                health.healthy(), health.servers(), thresholds.minHealthy(),
                health.belowMinimum() ? ", CRITICAL" : "");
        out.println(new TableRenderer(output.style()).servers(report.rows()));
        out.flush();
    }

    private static final class UnknownServiceException extends RuntimeException {
        UnknownServiceException(String message) {
            super(message);
        }
    }
}
