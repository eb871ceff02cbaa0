package dev.monitor.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.monitor.analysis.Durations;
import dev.monitor.api.ClusterApi;
import dev.monitor.api.Redaction;
import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Shard;
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
    private static final int REASONS_SAID = 3;

    private final ClusterApi api;
    private final Supplier<ClusterApi> retryApiFactory;
    private ClusterApi retryApi;
    private boolean closed;
    private final URI endpoint;
    private final FetchSettings settings;
    private final RateLimiter rateLimiter;
    private final ConcurrencyLimiter limiter;
    private final Redaction redaction;

    /**
     * @param api      the client of first tries, whose connections are kept alive
     * @param retryApi makes, when the first retry comes, the client of retries, which opens a new connection for each
     */
    ClusterConnection(ClusterApi api, Supplier<ClusterApi> retryApi, URI endpoint, FetchSettings settings) {
        this.api = api;
        this.retryApiFactory = retryApi;
        this.endpoint = endpoint;
        this.settings = settings;
        this.rateLimiter = new RateLimiter(settings.pacing().rate());
        this.limiter = ConcurrencyLimiter.of(settings.concurrency());
        this.redaction = Redaction.of(settings.access());
    }

    /**
     * Everything in the settings' shard: the server list, then the figures of each of its servers, telling
     * {@code progress} of each server done.
     */
    public Uni<Snapshot> snapshot(Function<String, String> knownService, FetchProgress progress) {
        Instant started = Instant.now();
        long startedNanos = System.nanoTime();
        Shard shard = settings.shard();
        Duration runDeadline = settings.pacing().runDeadline();
        Instant deadline = runDeadline == null ? null : started.plus(runDeadline);
        Uni<List<String>> list = runDeadline == null ? serverList() : serverList()
                .ifNoItem().after(runDeadline).failWith(() -> new ClusterUnavailableException(
                        "cannot list servers at " + endpoint.resolve("/servers") + ": the run's --deadline of "
                                + Durations.exact(runDeadline) + " was reached", null));
        return list
                // Every shard reads the whole list and keeps its share: N shards fetch each server once between them.
                .map(entries -> entries.stream().filter(shard::holds).toList())
                .invoke(entries -> progress.started(entries.size()))
                .chain(entries -> servers(entries, knownService, progress, deadline))
                .eventually(progress::finished)
                .map(fetched -> new Snapshot(endpoint, started, usable(fetched), limiter.trace().peakInFlight(),
                        Duration.ofNanos(System.nanoTime() - startedNanos), shard));
    }

    /**
     * The servers, unless none of them gave usable figures: then the rows would tell nothing about the services, so
     * the fetch fails as when {@code /servers} does, and a saved snapshot may stand in. When none of those asked
     * answered at all, the API itself is down or cut off (every server refused, timed out or answered 5xx); when
     * they answered with nothing usable (an HTML page from a proxy, a 404 each), it is no better than down.
     */
    private List<Server> usable(List<Fetched> fetched) {
        List<Server> servers = fetched.stream().map(Fetched::server).toList();
        // A shard may hold none of the servers listed: the API was read, and the analysis says there is nothing to
        // judge in it.
        if (servers.isEmpty() || servers.stream().anyMatch(Server.Measured.class::isInstance)) {
            return servers;
        }
        List<Fetched> asked = fetched.stream().filter(Fetched::asked).toList();
        boolean silent = !asked.isEmpty() && asked.stream().noneMatch(Fetched::answered);
        List<Fetched> counted = silent ? asked : fetched;
        List<Map.Entry<String, Long>> reasons = counted.stream().collect(Collectors.groupingBy(
                server -> ((Server.Unknown) server.server()).reason(), LinkedHashMap::new, Collectors.counting()))
                .entrySet().stream().sorted(Map.Entry.<String, Long> comparingByValue().reversed()).toList();
        // The commonest few: bad figures give a reason each, and this is one line.
        List<String> said = reasons.stream().limit(REASONS_SAID)
                .map(reason -> reason.getKey() + " (" + reason.getValue() + " of " + counted.size() + ")")
                .collect(Collectors.toCollection(ArrayList::new));
        if (reasons.size() > REASONS_SAID) {
            long others = reasons.stream().skip(REASONS_SAID).mapToLong(Map.Entry::getValue).sum();
            int more = reasons.size() - REASONS_SAID;
            said.add(more + (more == 1 ? " other reason (" : " other reasons (") + others + " of " + counted.size()
                    + ")");
        }
        throw new ClusterUnavailableException("no server "
                + (settings.shard().isWhole() ? "" : "of shard " + settings.shard() + " ") + "listed at "
                + endpoint.resolve("/servers")
                + (silent ? " answered: " : " gave usable figures: ") + String.join(", ", said), null);
    }

    /**
     * The addresses {@code /servers} lists, as sent.
     * Fails with {@link ClusterUnavailableException} when the list cannot be had.
     */
    public Uni<List<String>> serverList() {
        return withDeadlineAndRetries(client -> BoundedBody.read(client::servers, BoundedBody.SERVER_LIST_LIMIT)
                .map(body -> parse(AnswerParser::serverList, body)))
                .invoke(entries -> {
                    if (entries.isEmpty()) {
                        throw new InvalidAnswerException("the cluster lists no servers");
                    }
                })
                .onFailure().transform(failure -> new ClusterUnavailableException(
                        "cannot list servers at " + endpoint.resolve("/servers") + ": "
                                + reason(failure) + httpsHint(failure),
                        failure));
    }

    /**
     * Why a request failed, in words that go into reports, the snapshot and messages: with no secret in them, since
     * Java's words may quote a header (Vert.x's refusal of a header value does).
     */
    private String reason(Throwable failure) {
        return redaction.apply(FailureReasons.describe(failure));
    }

    /** A TLS port closes a plain HTTP connection unanswered: the likeliest reason, when it is the first request. */
    private String httpsHint(Throwable failure) {
        if (!"http".equals(endpoint.getScheme()) || !FailureReasons.isClosedBeforeAnswer(failure)) {
            return "";
        }
        return " (if that port serves HTTPS, use --url " + endpoint.resolve("/").toString().replaceFirst("^http:", "https:")
                .replaceFirst("/$", "") + ")";
    }

    /** How the limit of requests in flight moved, so far. */
    ConcurrencyLimiter.Trace concurrency() {
        return limiter.trace();
    }

    /**
     * The figures of each entry, fetched at most {@code concurrency} at a time. Duplicates are fetched once;
     * an entry that is not an IP address is never requested. Every failure becomes an UNKNOWN server whose
     * service is the one it last had, so one bad server never ends the run.
     */
    public Uni<List<Server>> servers(Collection<String> entries, Function<String, String> knownService) {
        Duration runDeadline = settings.pacing().runDeadline();
        return servers(entries, knownService, FetchProgress.NONE,
                runDeadline == null ? null : Instant.now().plus(runDeadline))
                .map(fetched -> fetched.stream().map(Fetched::server).toList());
    }

    /**
     * A server as fetched, whether it was asked (an entry that is not an address is not), and whether it answered:
     * an answer, even a 404 or a body that cannot be read, comes from the server; a refused or closed connection,
     * a timeout, a 5xx or a 429 may come from the API or the network in front of it.
     */
    private record Fetched(Server server, boolean asked, boolean answered) {
    }

    /** @param deadline when the run ends: a server not fetched by then is UNKNOWN; null for no end */
    private Uni<List<Fetched>> servers(Collection<String> entries, Function<String, String> knownService,
            FetchProgress progress, Instant deadline) {
        return Multi.createFrom().iterable(new LinkedHashSet<>(entries))
                .onItem().transformToUni(entry -> deadline == null ? server(entry, knownService)
                        : beforeDeadline(entry, knownService, deadline))
                // As many as the bound may wait at once; the limiter lets as many go as its limit.
                .merge(settings.concurrency().bound())
                .invoke(progress::fetched)
                .collect().asList();
    }

    private Uni<Fetched> server(String entry, Function<String, String> knownService) {
        if (!IpLiteral.isValid(entry)) {
            return Uni.createFrom().item(new Fetched(
                    new Server.Unknown(entry.isEmpty() ? "\"\"" : entry, null,
                            "not an IP address, not requested"), false, false));
        }
        return withDeadlineAndRetries(client -> BoundedBody.read(() -> client.details(entry),
                BoundedBody.DETAILS_LIMIT).map(body -> parse(AnswerParser::details, body)))
                .map(details -> new Fetched(DetailsReader.read(entry, details), true, true))
                .onFailure().recoverWithItem(failure -> new Fetched(new Server.Unknown(entry,
                        knownService.apply(entry), reason(failure)), true,
                        FailureReasons.isAnswer(failure)));
    }

    /** The server, or UNKNOWN when the run's deadline comes first (checked when its turn comes, not before). */
    private Uni<Fetched> beforeDeadline(String entry, Function<String, String> knownService, Instant deadline) {
        return Uni.createFrom().deferred(() -> {
            Duration left = Duration.between(Instant.now(), deadline);
            Fetched notFetched = new Fetched(new Server.Unknown(entry, knownService.apply(entry),
                    "not fetched: the run's --deadline of " + Durations.exact(settings.pacing().runDeadline())
                            + " was reached"), IpLiteral.isValid(entry), false);
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
    private <T> Uni<T> withDeadlineAndRetries(Function<ClusterApi, Uni<? extends T>> request) {
        return Uni.createFrom().deferred(() -> {
            // The first try takes a kept-alive connection; a retry goes out on a new one. A kept connection the
            // other end closed while it waited in the pool fails the try that takes it, and the pool may hold
            // more like it: taken from the pool again, the retry could fail the same way.
            AtomicBoolean tried = new AtomicBoolean();
            // The rate's pause and the wait for a place among the requests in flight come before the request's own
            // deadline starts, and again before each retry; the place is given back when the try ends.
            Uni<T> attempt = rateLimiter.permit().chain(limiter::permit).chain(permit -> Uni.createFrom()
                    .<T>deferred(() -> request.apply(tried.getAndSet(true) ? retryApi() : api))
                    .ifNoItem().after(settings.timeout())
                    .failWith(() -> new DeadlineExceededException(settings.timeout()))
                    .onTermination().invoke((item, failure, cancelled) -> permit.end(failure, cancelled)));
            if (settings.retries() == 0) {
                // Not a retry: a kept connection the server closed while it waited in the pool looks exactly so,
                // and the request never reached the server. Sent once more on a new connection, as HTTP clients do.
                return attempt.onFailure(FailureReasons::isClosedBeforeAnswer).retry().atMost(1);
            }
            Predicate<Throwable> retryable = failure -> FailureReasons.isTransient(failure)
                    && RetryAfter.fitsIn(failure, settings.timeout());
            return attempt.onFailure(retryable).call(RetryAfter::pause)
                    .onFailure(retryable).retry()
                    .withBackOff(FIRST_BACKOFF, MAX_BACKOFF).withJitter(0.5)
                    .atMost(settings.retries());
        });
    }

    private synchronized ClusterApi retryApi() {
        if (closed) {
            // A retry of a fetch given up: the closed client fails it at once, and no new client outlives the run.
            return api;
        }
        if (retryApi == null) {
            retryApi = retryApiFactory.get();
        }
        return retryApi;
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
        close(api);
        synchronized (this) {
            closed = true;
            if (retryApi != null) {
                close(retryApi);
            }
        }
    }

    private static void close(ClusterApi client) {
        try {
            client.close();
        } catch (IOException e) {
            // Closing only releases connections; there is nothing left to report.
        }
    }
}
