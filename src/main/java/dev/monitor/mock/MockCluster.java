package dev.monitor.mock;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * The fake cluster API of docs/api.md, served by one plain Vert.x HTTP server (or, one connection at a
 * time, by a {@link BlockingMockServer}). Dev mode,
 * {@code monitor mock-server} and the tests all run this class, so they all speak the same contract, and
 * misbehave the same way when a {@link FaultPlan} asks them to.
 */
public final class MockCluster {

    private static final String JSON = "application/json";
    private static final int ARRIVALS_KEPT = 10_000;
    private static final Buffer INVALID_IP = Buffer.buffer("{\"error\": \"Invalid IP\"}");
    private static final Buffer UNAUTHORIZED = Buffer.buffer("{\"error\": \"Unauthorized\"}");
    static final Buffer TOO_MANY_REQUESTS = Buffer.buffer("{\"error\": \"Too Many Requests\"}");
    /** Entries a hostile or broken {@code /servers} lists besides its servers: none may ever be requested. */
    static final List<String> NOT_ADDRESSES = List.of("../admin", "10.58.1.1/../../admin", "localhost",
            "10.58.1.999", "http://127.0.0.1:1/x", "", "\u001b[2J10.0.0.1");
    /**
     * Entries that look like a listed address but are not one: with an invisible or direction-changing character,
     * or a space. None may ever be requested, or shown as the address it looks like.
     */
    static final List<String> LOOKALIKES = List.of(MockFleet.address(0) + "\u200b", MockFleet.address(0) + " ",
            " " + MockFleet.address(0), "\u202e" + MockFleet.address(0), MockFleet.address(0) + "\u00a0",
            "\ufeff" + MockFleet.address(0));
    /** How the {@code invisible} fault's servers name their service, in turn: each looks like the real name. */
    private static final List<UnaryOperator<String>> INVISIBLE_NAMES = List.of(
            service -> service.substring(0, 4) + "\u200b" + service.substring(4),
            service -> "\u202e" + service,
            service -> service + " ",
            service -> "\ufeff" + service,
            service -> service + "\u2028",
            service -> service.substring(0, 4) + "\u00ad" + service.substring(4),
            service -> "\u2066" + service + "\u2069",
            service -> service + "\u00a0");
    /** How the {@code formula} fault's servers name their service, in turn: as OWASP's CSV injection examples. */
    private static final List<String> FORMULA_NAMES = List.of("=cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "=HYPERLINK(\"http://example.com\",\"AuthService\")");
    private static final int HUGE_DETAIL_BYTES = 1 << 20;
    private static final long HUGE_LIST_BYTES = (64L << 20) + (1 << 20);
    private static final BigInteger PERCENT_VALUES = BigInteger.valueOf(101);

    /** Where each cpu and memory figure comes from: 0 to 100 for a server's address and "cpu" or "memory". */
    @FunctionalInterface
    private interface Figures {
        int of(String address, String figure);
    }

    private final MockFleet fleet;
    private final Duration latency;
    private final Figures figures;
    private final FaultPlan faults;
    private final byte[] serverList;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger turnedAway = new AtomicInteger();
    private final Set<HttpConnection> usedConnections = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> requestsByPath = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> strayPaths = new ConcurrentLinkedQueue<>();
    /** The latest arrivals in a ring, written at {@code arrivalCount % ARRIVALS_KEPT}: constant cost a request. */
    private final AtomicLongArray arrivals = new AtomicLongArray(ARRIVALS_KEPT);
    private final AtomicLong arrivalCount = new AtomicLong();
    /** Services whose every server reports 100% cpu and memory, from {@link #makeUnhealthy} on. */
    private final Set<String> unhealthyServices = ConcurrentHashMap.newKeySet();
    private volatile String requiredAuthorization;
    private volatile int inFlightCap;
    private Vertx vertx;
    private HttpServer server;

    /**
     * The reference behaviour: cpu and memory drawn at random, 0 to 100, on every request; or, with a seed, fixed
     * figures of each server that depend on the seed and its address only ({@link #seeded}), so that every run
     * against the same fleet sees the same figures, in whatever order its requests arrive.
     *
     * @param servers how many servers the fleet has (the reference mock has 150)
     * @param latency how long each answer is held back, to stand for a real network
     * @param seed    fixes each server's figures; null draws them freshly on every request
     */
    public static MockCluster random(int servers, Duration latency, Long seed) {
        return random(new MockFleet(servers), latency, seed, FaultPlan.none());
    }

    /** The reference behaviour of a fleet, with the faults of the plan injected. */
    public static MockCluster random(MockFleet fleet, Duration latency, Long seed, FaultPlan faults) {
        Figures figures = seed == null ? (address, figure) -> ThreadLocalRandom.current().nextInt(101)
                : (address, figure) -> seeded(seed, address, figure);
        return new MockCluster(fleet, latency, figures, faults);
    }

    /**
     * A server's figure under {@code --seed}: the MD5 digest of {@code SEED/ADDRESS/FIGURE} ({@code 7/10.58.1.1/cpu}),
     * UTF-8, read as an unsigned integer, modulo 101; the rule the contract gives services, made per figure.
     */
    private static int seeded(long seed, String address, String figure) {
        return MockFleet.md5(seed + "/" + address + "/" + figure).mod(PERCENT_VALUES).intValue();
    }

    /** @param percentages where each cpu and memory figure comes from; tests pin them to make verdicts certain */
    public MockCluster(int servers, Duration latency, IntSupplier percentages) {
        this(new MockFleet(servers), latency, percentages, FaultPlan.none());
    }

    public MockCluster(MockFleet fleet, Duration latency, IntSupplier percentages, FaultPlan faults) {
        this(fleet, latency, (address, figure) -> percentages.getAsInt(), faults);
    }

    private MockCluster(MockFleet fleet, Duration latency, Figures figures, FaultPlan faults) {
        this.fleet = fleet;
        this.latency = latency;
        this.figures = figures;
        this.faults = faults;
        // The list never changes: encode it once, in the reference mock's json.dumps layout.
        this.serverList = listedEntries().stream()
                .map(MockCluster::jsonString)
                .collect(Collectors.joining(", ", "[", "]"))
                .getBytes(StandardCharsets.UTF_8);
    }

    private List<String> listedEntries() {
        if (faults.has(Fault.EMPTY)) {
            return List.of();
        }
        List<String> entries = new ArrayList<>(fleet.addresses());
        if (faults.has(Fault.DUPLICATE)) {
            entries.addAll(fleet.addresses().subList(0, Math.min(FaultPlan.DEFAULT_HITS, fleet.addresses().size())));
        }
        if (faults.has(Fault.TRAVERSAL)) {
            entries.addAll(NOT_ADDRESSES);
        }
        if (faults.has(Fault.LOOKALIKE)) {
            entries.addAll(LOOKALIKES);
        }
        return entries;
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
        if (faults.has(Fault.RESET)) {
            // Closing with a zero linger time sends a TCP reset, as a crashing server or a firewall does.
            options.setSoLinger(0);
        }
        return vertx.createHttpServer(options)
                .requestHandler(this::handle)
                .connectionHandler(connection -> {
                    connected();
                    if (faults.has(Fault.DROP_REUSED)) {
                        // Only this fault tracks which connections have served a request.
                        connection.closeHandler(closed -> usedConnections.remove(connection));
                    }
                })
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

    public FaultPlan faults() {
        return faults;
    }

    /** The most requests that were being answered at one time since start: proves a client overlaps them. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Connections clients opened since start: with keep-alive, far fewer than the requests. */
    public int connectionCount() {
        return connections.get();
    }

    /** Requests answered since start. */
    public int requestCount() {
        return requests.get();
    }

    /** Requests for one path ({@code /servers}, {@code /10.58.1.1}) since start: proves retries, or their absence. */
    public int requestCount(String path) {
        AtomicInteger count = requestsByPath.get(path);
        return count == null ? 0 : count.get();
    }

    /**
     * When the latest requests arrived ({@link System#nanoTime()}, oldest first, at most the last
     * {@value #ARRIVALS_KEPT}): proves a client's pacing.
     */
    public List<Long> arrivals() {
        long count = arrivalCount.get();
        List<Long> latest = new ArrayList<>();
        for (long i = Math.max(0, count - ARRIVALS_KEPT); i < count; i++) {
            latest.add(arrivals.get((int) (i % ARRIVALS_KEPT)));
        }
        return latest;
    }

    /**
     * From now on, answers 401 to any request without exactly this {@code Authorization} header, as a cluster
     * API behind a token does; null accepts every request again.
     */
    public MockCluster requireAuthorization(String authorization) {
        this.requiredAuthorization = authorization;
        return this;
    }

    /**
     * From now on, answers 429 at once to a request that arrives while {@code requests} others are being answered,
     * as an API behind a concurrency limit does (nginx's {@code limit_conn}, a gateway's quota).
     */
    public MockCluster limitInFlight(int requests) {
        this.inFlightCap = requests;
        return this;
    }

    /**
     * From now on, every server of the service reports cpu and memory at 100%, as the servers of an overloaded service
     * do: each still answers, and none is healthy at any limit. At run time, so that a test can break a service
     * under a running monitor.
     *
     * @throws IllegalArgumentException for a service the fleet does not have, naming those it has
     */
    public MockCluster makeUnhealthy(String service) {
        if (!MockFleet.SERVICE_NAMES.contains(service)) {
            throw new IllegalArgumentException("no service '" + service + "' in the mock; its services: "
                    + String.join(", ", MockFleet.SERVICE_NAMES));
        }
        unhealthyServices.add(service);
        return this;
    }

    /** Requests answered 429 because {@link #limitInFlight} was reached. */
    public int turnedAwayCount() {
        return turnedAway.get();
    }

    /** Paths requested that are neither {@code /servers} nor a server of the fleet, in arrival order. */
    public List<String> strayPaths() {
        return List.copyOf(strayPaths);
    }

    private void handle(HttpServerRequest request) {
        String required = requiredAuthorization;
        if (required != null && !required.equals(request.getHeader("Authorization"))) {
            reply(request, 401, UNAUTHORIZED);
            return;
        }
        if (faults.has(Fault.DROP_REUSED) && !usedConnections.add(request.connection())) {
            request.connection().close();
            return;
        }
        if (!arrived(request.path())) {
            reply(request, 429, TOO_MANY_REQUESTS);
            return;
        }
        if (latency.isZero()) {
            answer(request);
        } else {
            vertx.setTimer(latency.toMillis(), id -> answer(request));
        }
    }

    /**
     * Counts a request's arrival; false when {@link #limitInFlight} turns it away, to be answered 429 at once (it
     * is then answered already, and never in flight).
     */
    boolean arrived(String path) {
        requests.incrementAndGet();
        arrivals.set((int) (arrivalCount.getAndIncrement() % ARRIVALS_KEPT), System.nanoTime());
        requestsByPath.computeIfAbsent(path, counted -> new AtomicInteger()).incrementAndGet();
        int now = inFlight.incrementAndGet();
        int cap = inFlightCap;
        if (cap > 0 && now > cap) {
            inFlight.decrementAndGet();
            turnedAway.incrementAndGet();
            return false;
        }
        maxInFlight.accumulateAndGet(now, Math::max);
        return true;
    }

    /** A request {@link #arrived} is being answered now: it is in flight no longer. */
    void answering() {
        inFlight.decrementAndGet();
    }

    /** Counts a connection a client opened. */
    void connected() {
        connections.incrementAndGet();
    }

    Duration latency() {
        return latency;
    }

    /** An answer's status and body. */
    record Answer(int status, Buffer body) {
    }

    /** The contract's answer to {@code GET path}, as a cluster without faults gives it. */
    Answer plainAnswer(String path) {
        if ("/servers".equals(path)) {
            return new Answer(200, Buffer.buffer(serverList));
        }
        String address = path.startsWith("/") ? path.substring(1) : null;
        String service = address == null ? null : fleet.serviceAt(address);
        if (service == null) {
            strayPaths.add(path);
            return new Answer(400, INVALID_IP);
        }
        return new Answer(200, details(figure(address, "cpu"), figure(address, "memory"), service, ""));
    }

    private void answer(HttpServerRequest request) {
        answering();
        String path = request.path();
        if ("/servers".equals(path)) {
            answerList(request);
            return;
        }
        String address = path.substring(1);
        Fault fault = faults.at(address);
        if (fault == null) {
            Answer plain = plainAnswer(path);
            reply(request, plain.status(), plain.body());
            return;
        }
        answerWith(fault, request, address, fleet.serviceAt(address));
    }

    private void answerList(HttpServerRequest request) {
        if (faults.has(Fault.SERVERS_HANG)) {
            return;
        }
        if (faults.has(Fault.SERVERS_500)) {
            reply(request, 500, Buffer.buffer("{\"error\": \"Internal Server Error\"}"));
        } else if (faults.has(Fault.SERVERS_GARBAGE)) {
            reply(request, 200, Buffer.buffer("<html><body>502 Bad Gateway</body></html>"));
        } else if (faults.has(Fault.SERVERS_HUGE)) {
            Buffer entries = Buffer.buffer("\"10.58.1.1\", ".repeat(5000));
            stream(request.response(), Buffer.buffer("["), entries, HUGE_LIST_BYTES / entries.length() + 1,
                    Buffer.buffer("\"10.58.1.1\"]"));
        } else {
            reply(request, 200, Buffer.buffer(serverList));
        }
    }

    private void answerWith(Fault fault, HttpServerRequest request, String address, String service) {
        String cpu = figure(address, "cpu");
        String memory = figure(address, "memory");
        switch (fault) {
            case HTTP_500 -> reply(request, 500, Buffer.buffer("{\"error\": \"Internal Server Error\"}"));
            case HTTP_404 -> reply(request, 404, Buffer.buffer("{\"error\": \"Not Found\"}"));
            case TIMEOUT -> {
                // Never answer: the connection stays open until the client gives up.
            }
            case TRICKLE -> trickle(request.response(), details(cpu, memory, service, "").getBytes(), 0);
            case RESET -> request.connection().close();
            case GARBAGE -> reply(request, 200, Buffer.buffer("<html><body>502 Bad Gateway</body></html>"));
            case MISSING -> reply(request, 200, Buffer.buffer(
                    "{\"cpu\": \"" + cpu + "\", \"service\": \"" + service + "\"}"));
            case BAD_VALUE -> {
                String bad = List.of("abc%", "250%", "-5%").get(faults.indexAmongHits(fault, address) % 3);
                reply(request, 200, details(bad, memory, service, ""));
            }
            case ESCAPE -> reply(request, 200, details(cpu, memory, "\u001b]0;owned\u0007\u001b[2J" + service, ""));
            case INVISIBLE -> reply(request, 200, details(cpu, memory, INVISIBLE_NAMES
                    .get(faults.indexAmongHits(fault, address) % INVISIBLE_NAMES.size()).apply(service), ""));
            case FORMULA -> reply(request, 200, details(cpu, memory,
                    FORMULA_NAMES.get(faults.indexAmongHits(fault, address) % FORMULA_NAMES.size()), ""));
            case HUGE -> reply(request, 200, details(cpu, memory, service, "x".repeat(HUGE_DETAIL_BYTES)));
            default -> throw new IllegalStateException(fault + " is a fault of the server list");
        }
    }

    private String figure(String address, String figure) {
        if (!unhealthyServices.isEmpty() && unhealthyServices.contains(fleet.serviceAt(address))) {
            return "100%";
        }
        return figures.of(address, figure) + "%";
    }

    private static Buffer details(String cpu, String memory, String service, String padding) {
        return Buffer.buffer("{\"cpu\": " + jsonString(cpu) + ", \"memory\": " + jsonString(memory)
                + ", \"service\": " + jsonString(service)
                + (padding.isEmpty() ? "" : ", \"padding\": " + jsonString(padding)) + "}");
    }

    /** One byte a second: never idle long enough for an idle timeout, always too slow for a deadline. */
    private void trickle(HttpServerResponse response, byte[] body, int sent) {
        if (response.closed()) {
            return;
        }
        if (sent == 0) {
            response.setChunked(true).putHeader("Content-Type", JSON).setStatusCode(200);
        }
        if (sent == body.length) {
            response.end();
            return;
        }
        response.write(Buffer.buffer(new byte[] { body[sent] }));
        vertx.setTimer(1000, id -> trickle(response, body, sent + 1));
    }

    /** head, then chunk as often as asked, then tail, at the pace the client reads; stops if it hangs up. */
    private static void stream(HttpServerResponse response, Buffer head, Buffer chunk, long times, Buffer tail) {
        response.setChunked(true).putHeader("Content-Type", JSON).setStatusCode(200);
        response.write(head);
        pump(response, chunk, new long[] { times }, tail);
    }

    private static void pump(HttpServerResponse response, Buffer chunk, long[] remaining, Buffer tail) {
        while (remaining[0] > 0 && !response.writeQueueFull()) {
            if (response.closed()) {
                return;
            }
            response.write(chunk);
            remaining[0]--;
        }
        if (remaining[0] > 0) {
            response.drainHandler(drained -> pump(response, chunk, remaining, tail));
        } else if (!response.closed()) {
            response.end(tail);
        }
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static void reply(HttpServerRequest request, int status, Buffer body) {
        request.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body);
    }
}
