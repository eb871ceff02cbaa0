package dev.monitor.mock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * The fake cluster API of {@code ../shared/API.md}, served by one plain Vert.x HTTP server. Dev mode,
 * {@code monitor mock-server} and the tests all run this class, so they all speak the same contract.
 */
public final class MockCluster {

    private static final String JSON = "application/json";
    private static final int ARRIVALS_KEPT = 10_000;
    private static final Buffer INVALID_IP = Buffer.buffer("{\"error\": \"Invalid IP\"}");
    private static final Buffer UNAUTHORIZED = Buffer.buffer("{\"error\": \"Unauthorized\"}");

    private final MockFleet fleet;
    private final Duration latency;
    private final IntSupplier percentages;
    private final byte[] serverList;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final Deque<Long> arrivals = new ConcurrentLinkedDeque<>();
    private volatile String requiredAuthorization;
    private Vertx vertx;
    private HttpServer server;

    /**
     * The reference behaviour: cpu and memory drawn at random, 0 to 100, on every request.
     *
     * @param servers how many servers the fleet has (the reference mock has 150)
     * @param latency how long each answer is held back, to stand for a real network
     * @param seed    makes the random figures reproducible; null draws them freshly
     */
    public static MockCluster random(int servers, Duration latency, Long seed) {
        if (seed == null) {
            return new MockCluster(servers, latency, () -> ThreadLocalRandom.current().nextInt(101));
        }
        Random random = new Random(seed);
        return new MockCluster(servers, latency, () -> random.nextInt(101));
    }

    /** @param percentages where each cpu and memory figure comes from; tests pin them to make verdicts certain */
    public MockCluster(int servers, Duration latency, IntSupplier percentages) {
        this.fleet = new MockFleet(servers);
        this.latency = latency;
        this.percentages = percentages;
        // The list never changes: encode it once, in the reference mock's json.dumps layout.
        this.serverList = fleet.addresses().stream()
                .map(ip -> '"' + ip + '"')
                .collect(Collectors.joining(", ", "[", "]"))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Starts listening on the port (0 picks a free one); completes with the port actually bound. */
    public Future<Integer> start(Vertx vertx, String host, int port) {
        return start(vertx, new HttpServerOptions().setHost(host).setPort(port));
    }

    /** Starts with these options (TLS, for one), listening on their host and port. */
    public Future<Integer> start(Vertx vertx, HttpServerOptions options) {
        this.vertx = vertx;
        // Keep-alive connections stay open as long as the client wants them.
        options.setIdleTimeout(0);
        return vertx.createHttpServer(options)
                .requestHandler(this::handle)
                .listen()
                .map(bound -> {
                    server = bound;
                    return bound.actualPort();
                });
    }

    public Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    public MockFleet fleet() {
        return fleet;
    }

    /** The most requests that were being answered at one time since start: proves a client overlaps them. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /**
     * When the latest requests arrived ({@link System#nanoTime()}, oldest first, at most the last
     * {@value #ARRIVALS_KEPT}): proves a client's pacing.
     */
    public List<Long> arrivals() {
        return List.copyOf(arrivals);
    }

    /** Requests answered since start. */
    public int requestCount() {
        return requests.get();
    }

    /**
     * From now on, answers 401 to any request without exactly this {@code Authorization} header, as a cluster
     * API behind a token does; null accepts every request again.
     */
    public MockCluster requireAuthorization(String authorization) {
        this.requiredAuthorization = authorization;
        return this;
    }

    private void handle(HttpServerRequest request) {
        String required = requiredAuthorization;
        if (required != null && !required.equals(request.getHeader("Authorization"))) {
            reply(request, 401, UNAUTHORIZED);
            return;
        }
        requests.incrementAndGet();
        arrivals.addLast(System.nanoTime());
        if (arrivals.size() > ARRIVALS_KEPT) {
            arrivals.pollFirst();
        }
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        if (latency.isZero()) {
            answer(request);
        } else {
            vertx.setTimer(latency.toMillis(), id -> answer(request));
        }
    }

    private void answer(HttpServerRequest request) {
        inFlight.decrementAndGet();
        String path = request.path();
        if ("/servers".equals(path)) {
            reply(request, 200, Buffer.buffer(serverList));
            return;
        }
        String service = fleet.serviceAt(path.substring(1));
        if (service == null) {
            reply(request, 400, INVALID_IP);
            return;
        }
        reply(request, 200, Buffer.buffer("{\"cpu\": \"" + percentages.getAsInt() + "%\", \"memory\": \""
                + percentages.getAsInt() + "%\", \"service\": \"" + service + "\"}"));
    }

    private static void reply(HttpServerRequest request, int status, Buffer body) {
        request.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body);
    }
}
