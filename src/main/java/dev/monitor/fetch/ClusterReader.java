package dev.monitor.fetch;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.ClosedByInterruptException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.monitor.analysis.Durations;
import dev.monitor.api.ClusterApiFactory;
import dev.monitor.files.ClockSkew;
import dev.monitor.files.FileFailures;
import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Snapshot;
import dev.monitor.snapshot.SnapshotRepository;
import dev.monitor.snapshot.UnreadableSnapshotException;
import dev.monitor.text.Listing;
import io.smallrye.mutiny.Uni;

/**
 * The policy, cache or fetch: gets a run its data, the saved snapshot while it is young enough, else a fresh fetch
 * that replaces it, else (the API being unreachable) the saved snapshot marked stale while it is not too old. The
 * wire, the conversation with the API, is {@link ClusterConnection}'s; every wait for it is here, in one place
 * that Ctrl-C cancels.
 */
@ApplicationScoped
public class ClusterReader {

    private final SnapshotRepository repository;
    private final ClusterApiFactory apiFactory;
    private final Clock clock;

    public ClusterReader(SnapshotRepository repository, ClusterApiFactory apiFactory) {
        this.repository = repository;
        this.apiFactory = apiFactory;
        this.clock = Clock.systemUTC();
    }

    /** Opens a conversation with the endpoint; a watch keeps one for all its ticks, so its connections stay alive. */
    public ClusterConnection connect(URI endpoint, FetchSettings settings) {
        return new ClusterConnection(
                apiFactory.create(endpoint, settings.access(), settings.concurrency().bound(), settings.timeout()),
                () -> apiFactory.createWithoutKeepAlive(endpoint, settings.access(),
                        settings.concurrency().bound(), settings.timeout()),
                endpoint, settings);
    }

    /** @throws ClusterUnavailableException when the API cannot be read and no recent snapshot can stand in */
    public Reading read(ReadRequest request, Diagnostics diagnostics) {
        Instant now = clock.instant();
        Optional<Snapshot> saved = savedSnapshot(request, now, diagnostics);
        if (saved.isPresent() && !request.refresh() && saved.get().ageAt(now).compareTo(request.maxAge()) < 0) {
            diagnostics.verbose("using the snapshot in " + request.snapshotFile() + ", "
                    + Durations.format(saved.get().ageAt(now)) + " old (max age " + Durations.format(request.maxAge()) + ")");
            return new Reading(saved.get(), null, true);
        }
        diagnostics.verbose(saved.isEmpty() ? "no snapshot in " + request.snapshotFile() + ", fetching"
                : request.refresh() ? "--refresh given, fetching" : "the snapshot is too old, fetching");
        Snapshot fetched;
        try (ClusterConnection connection = connect(request.endpoint(), request.fetch())) {
            long start = System.nanoTime();
            fetched = awaitOrCancel(connection.snapshot(knownServices(saved), diagnostics.progress()));
            diagnostics.verbose("fetched " + fetched.servers().size() + " servers from " + request.endpoint() + " in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms " + connection.concurrency().describe());
        } catch (ClusterUnavailableException e) {
            if (saved.isPresent() && saved.get().ageAt(now).compareTo(request.maxStale()) < 0) {
                return new Reading(saved.get(), e.getMessage(), true);
            }
            throw e;
        }
        save(request, fetched, diagnostics);
        return new Reading(fetched, null, false);
    }

    /**
     * The servers of one service, fetched afresh through {@code connection}. Which servers belong to it comes from the
     * snapshot, read by the cache policy whatever {@code --refresh} says, so {@code /servers} is asked at most once per
     * {@code --max-age}; when that read just fetched everything, its servers are fresh already.
     *
     * @param service as monitor shows the cluster's names
     * @throws UnknownServiceException     when the cluster lists no server of the service
     * @throws ClusterUnavailableException when the API cannot be read and no recent snapshot can stand in
     */
    public List<Server> readService(ReadRequest request, String service, ClusterConnection connection,
            Diagnostics diagnostics) {
        Reading reading = read(request.withRefresh(false), diagnostics);
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
        return awaitOrCancel(connection.servers(known.stream().map(Server::ip).toList(), ip -> service));
    }

    /**
     * The fetch's result. Interrupted (Ctrl-C), the fetch is cancelled, so that its requests are reset and its retries
     * never start, rather than left running into the application's shutdown; the interrupt stays set for the caller.
     */
    private static <T> T awaitOrCancel(Uni<T> fetch) {
        CompletableFuture<T> result = fetch.subscribeAsCompletionStage();
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(false);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new CompletionException(e.getCause());
        }
    }

    /**
     * The saved snapshot, unless it is of another endpoint or shard, or dated ahead of the clock: then it is as if
     * there were none, neither young enough to reuse nor standing in when the API cannot be read.
     */
    private Optional<Snapshot> savedSnapshot(ReadRequest request, Instant now, Diagnostics diagnostics) {
        try {
            Optional<Snapshot> saved = repository.read(request.snapshotFile());
            if (saved.isPresent() && !saved.get().endpoint().equals(request.endpoint())) {
                diagnostics.warning("the snapshot " + request.snapshotFile() + " is of " + saved.get().endpoint()
                        + ", not " + request.endpoint() + "; fetching afresh");
                return Optional.empty();
            }
            if (saved.isPresent() && !saved.get().shard().equals(request.fetch().shard())) {
                // Another share of the servers: used, it would judge servers this run does not watch, or leave out
                // those it does.
                diagnostics.warning("the snapshot " + request.snapshotFile() + " holds "
                        + saved.get().shard().inWords() + ", not " + request.fetch().shard().inWords()
                        + "; fetching afresh");
                return Optional.empty();
            }
            if (saved.isPresent() && ClockSkew.isAhead(saved.get().fetchedAt(), now)) {
                // Its age would be 0 for as long as the clock's error lasts: reused, or shown stale, for ever.
                diagnostics.warning("the snapshot " + request.snapshotFile() + " is dated " + saved.get().fetchedAt()
                        + ", ahead of this machine's clock (" + now.truncatedTo(ChronoUnit.SECONDS)
                        + "); it is not used, fetching afresh");
                return Optional.empty();
            }
            return saved;
        } catch (UnreadableSnapshotException e) {
            diagnostics.warning("the snapshot " + request.snapshotFile() + " is unreadable (" + e.getMessage()
                    + "); fetching afresh");
            diagnostics.cause(e.getCause());
            return Optional.empty();
        }
    }

    private void save(ReadRequest request, Snapshot snapshot, Diagnostics diagnostics) {
        try {
            repository.write(request.snapshotFile(), snapshot);
            diagnostics.verbose("saved the snapshot to " + request.snapshotFile());
        } catch (ClosedByInterruptException e) {
            // Ctrl-C during the write: the file was never renamed into place, so the old snapshot stands.
            diagnostics.verbose("interrupted while saving; " + request.snapshotFile() + " unchanged");
        } catch (IOException e) {
            diagnostics.warning("could not save the snapshot to " + request.snapshotFile() + ": "
                    + FileFailures.unwritable(request.snapshotFile(), e));
            diagnostics.cause(e);
        }
    }

    /** A server that fails now keeps the service it had: services are fixed, and this keeps the gate honest. */
    static Function<String, String> knownServices(Optional<Snapshot> saved) {
        Map<String, String> services = saved.map(s -> s.servers().stream()
                .filter(server -> server.service() != null)
                .collect(Collectors.toMap(Server::ip, Server::service, (a, b) -> a)))
                .orElse(Map.of());
        return services::get;
    }
}
