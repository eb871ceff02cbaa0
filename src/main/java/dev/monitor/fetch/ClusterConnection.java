package dev.monitor.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.monitor.analysis.Durations;
import dev.monitor.api.ClusterApi;
import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Snapshot;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One run's conversation with a cluster API: its client, its connections and its limits.
 * Nothing here blocks a platform thread (each request waits on a virtual thread); the command waits once, on
 * the result.
 */
public final class ClusterConnection implements AutoCloseable {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private final ClusterApi api;
    private final URI endpoint;
    private final FetchSettings settings;
    private final RateLimiter rateLimiter;

    ClusterConnection(ClusterApi api, URI endpoint, FetchSettings settings) {
        this.api = api;
        this.endpoint = endpoint;
        this.settings = settings;
        this.rateLimiter = new RateLimiter(settings.pacing().rate());
    }

    /** Everything: the server list, then every server's figures. */
    public Uni<Snapshot> snapshot(Function<String, String> knownService) {
        return snapshot(knownService, FetchProgress.NONE);
    }

    /** Everything, telling {@code progress} of each server done. */
    public Uni<Snapshot> snapshot(Function<String, String> knownService, FetchProgress progress) {
        Instant started = Instant.now();
        Duration runDeadline = settings.pacing().runDeadline();
        Instant deadline = runDeadline == null ? null : started.plus(runDeadline);
        Uni<List<String>> list = runDeadline == null ? serverList() : serverList()
                .ifNoItem().after(runDeadline).failWith(() -> new ClusterUnavailableException(
                        "cannot list servers at " + endpoint.resolve("/servers") + ": the run's --deadline of "
                                + Durations.exact(runDeadline) + " was reached", null));
        return list
                .invoke(entries -> progress.started(entries.size()))
                .chain(entries -> servers(entries, knownService, progress, deadline))
                .eventually(progress::finished)
                .map(servers -> new Snapshot(endpoint, started, servers));
    }

    /**
     * The addresses {@code /servers} lists, as sent.
     * Fails with {@link ClusterUnavailableException} when the list cannot be had.
     */
    public Uni<List<String>> serverList() {
        return withDeadlineAndRetries(() -> BoundedBody.read(api::servers, BoundedBody.SERVER_LIST_LIMIT)
                .map(body -> parse(AnswerParser::serverList, body)))
                .invoke(entries -> {
                    if (entries.isEmpty()) {
                        throw new InvalidAnswerException("the cluster lists no servers");
                    }
                })
                .onFailure().transform(failure -> new ClusterUnavailableException(
                        "cannot list servers at " + endpoint.resolve("/servers") + ": "
                                + FailureReasons.describe(failure),
                        failure));
    }

    /**
     * The figures of each entry, fetched at most {@code concurrency} at a time. Duplicates are fetched once;
     * an entry that is not an IP address is never requested. Every failure becomes an UNKNOWN server whose
     * service is the one it last had, so one bad server never ends the run.
     */
    public Uni<List<Server>> servers(Collection<String> entries, Function<String, String> knownService) {
        Duration runDeadline = settings.pacing().runDeadline();
        return servers(entries, knownService, FetchProgress.NONE,
                runDeadline == null ? null : Instant.now().plus(runDeadline));
    }

    /** @param deadline when the run ends: a server not fetched by then is UNKNOWN; null for no end */
    private Uni<List<Server>> servers(Collection<String> entries, Function<String, String> knownService,
            FetchProgress progress, Instant deadline) {
        return Multi.createFrom().iterable(new LinkedHashSet<>(entries))
                .onItem().transformToUni(entry -> deadline == null ? server(entry, knownService)
                        : beforeDeadline(entry, knownService, deadline))
                .merge(settings.concurrency())
                .invoke(progress::fetched)
                .collect().asList();
    }

    private Uni<Server> server(String entry, Function<String, String> knownService) {
        if (!IpLiteral.isValid(entry)) {
            return Uni.createFrom().item(
                    new Server.Unknown(entry.isEmpty() ? "\"\"" : Printable.visible(entry), null,
                            "not an IP address, not requested"));
        }
        return withDeadlineAndRetries(() -> BoundedBody.read(() -> api.details(entry), BoundedBody.DETAILS_LIMIT)
                .map(body -> parse(AnswerParser::details, body)))
                .map(details -> (Server) DetailsReader.read(entry, details))
                .onFailure().recoverWithItem(failure -> new Server.Unknown(entry, knownService.apply(entry),
                        FailureReasons.describe(failure)));
    }

    /** The server, or UNKNOWN when the run's deadline comes first (checked when its turn comes, not before). */
    private Uni<Server> beforeDeadline(String entry, Function<String, String> knownService, Instant deadline) {
        return Uni.createFrom().deferred(() -> {
            Duration left = Duration.between(Instant.now(), deadline);
            Server notFetched = new Server.Unknown(entry, knownService.apply(entry), "not fetched: the run's --deadline of "
                    + Durations.exact(settings.pacing().runDeadline()) + " was reached");
            if (left.isNegative() || left.isZero()) {
                return Uni.createFrom().item(notFetched);
            }
            return server(entry, knownService).ifNoItem().after(left).recoverWithItem(notFetched);
        });
    }

    /**
     * A request with a deadline on the whole answer, not only between bytes, tried again after a growing,
     * jittered pause when the failure may pass.
     */
    private <T> Uni<T> withDeadlineAndRetries(Supplier<Uni<? extends T>> request) {
        // The rate's pause comes before the request's own deadline starts, and again before each retry.
        Uni<T> attempt = rateLimiter.permit().chain(() -> Uni.createFrom().<T>deferred(request)
                .ifNoItem().after(settings.timeout())
                .failWith(() -> new DeadlineExceededException(settings.timeout())));
        if (settings.retries() == 0) {
            return attempt;
        }
        Predicate<Throwable> retryable = failure -> FailureReasons.isTransient(failure)
                && RetryAfter.fitsIn(failure, settings.timeout());
        return attempt.onFailure(retryable).call(RetryAfter::pause)
                .onFailure(retryable).retry()
                .withBackOff(FIRST_BACKOFF, MAX_BACKOFF).withJitter(0.5)
                .atMost(settings.retries());
    }

    private interface Parser<T> {
        T parse(byte[] body) throws IOException;
    }

    private static <T> T parse(Parser<T> parser, byte[] body) {
        try {
            return parser.parse(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            api.close();
        } catch (IOException e) {
            // Closing only releases connections; there is nothing left to report.
        }
    }
}
