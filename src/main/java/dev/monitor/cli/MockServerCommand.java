package dev.monitor.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;

import dev.monitor.analysis.Verdict;
import dev.monitor.api.PemFiles;
import dev.monitor.mock.BlockingMockServer;
import dev.monitor.mock.Fault;
import dev.monitor.mock.FaultPlan;
import dev.monitor.mock.MockCluster;
import dev.monitor.mock.MockFleet;
import io.quarkus.runtime.Quarkus;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code monitor mock-server}: the mock cluster API, served until Ctrl-C, for demos, benchmarks and tests. */
@Command(name = "mock-server", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Serve a mock cluster API (the contract in docs/api.md) until Ctrl-C.")
public class MockServerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--servers", paramLabel = "N", description = "Servers in the fleet, from 10.58.1.1 up (default: ${DEFAULT-VALUE}).")
    int servers;

    @Option(names = "--latency-ms", paramLabel = "MS", description = "Delay before each answer (default: ${DEFAULT-VALUE}).")
    int latencyMs;

    @Option(names = "--seed", paramLabel = "SEED", description = "Give each server fixed cpu and memory figures, from "
            + "the seed and its address (MD5 of SEED/IP/cpu, modulo 101), instead of random ones on every request.")
    Long seed;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "Serve HTTPS with this PEM certificate (with --tls-key).")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM private key of --tls-cert.")
    Path tlsKey;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Answer 401 to requests without this file's bearer token, as a cluster behind a token does.")
    Path tokenFile;

    @Option(names = "--faults", paramLabel = "FAULT[:N],...",
            description = "Misbehave like a real cluster: each fault hits N servers (default "
                    + FaultPlan.DEFAULT_HITS + "), taken in order from 10.58.1.1. Faults: ${COMPLETION-CANDIDATES}.",
            completionCandidates = FaultNames.class)
    String faults;

    @Option(names = "--unhealthy", paramLabel = "SERVICE",
            description = "Every server of SERVICE reports 100%% cpu and memory, as an overloaded service's do."
                    + " Repeatable.")
    List<String> unhealthy;

    @Option(names = "--workers", paramLabel = "N",
            description = "Answer with N threads, each one connection at a time, closing it after the answer, as"
                    + " Python's http.server does (1); without it, one event loop answers every connection at once.")
    Integer workers;

    @Option(names = "--backlog", paramLabel = "N",
            description = "Connections the kernel queues until they are accepted; those beyond are dropped"
                    + " (Python's http.server: 5; default: the system's).")
    Integer backlog;

    @Option(names = "--http10", description = "With --workers: answer as HTTP/1.0, as Python's http.server does.")
    boolean http10;

    @Option(names = "--max-in-flight", paramLabel = "K",
            description = "Answer 429 at once to a request that arrives while K others are being answered.")
    Integer maxInFlight;

    private final Vertx vertx;

    public MockServerCommand(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, not " + port);
        }
        if (servers < 0 || latencyMs < 0) {
            throw new ParameterException(spec.commandLine(), "--servers and --latency-ms must be 0 or more");
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together");
        }
        checkServerShape();
        MockFleet fleet = new MockFleet(servers);
        FaultPlan plan;
        try {
            plan = FaultPlan.parse(faults, fleet);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--faults: " + e.getMessage());
        }
        MockCluster cluster = MockCluster.random(fleet, Duration.ofMillis(latencyMs), seed, plan);
        if (tokenFile != null) {
            cluster.requireAuthorization(authorization());
        }
        for (String service : unhealthy == null ? List.<String>of() : unhealthy) {
            try {
                cluster.makeUnhealthy(service);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--unhealthy: " + e.getMessage());
            }
        }
        if (maxInFlight != null) {
            cluster.limitInFlight(maxInFlight);
        }
        if (workers != null) {
            return serveBlocking(cluster);
        }
        HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port);
        if (backlog != null) {
            options.setAcceptBacklog(backlog);
        }
        if (tlsCert != null) {
            try {
                options.setSsl(true).setKeyCertOptions(PemFiles.keyCert("--tls-cert", tlsCert, "--tls-key", tlsKey));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        int bound;
        try {
            bound = cluster.start(vertx, options).toCompletionStage().toCompletableFuture().join();
        } catch (CompletionException e) {
            return cannotListen(e.getCause());
        }
        for (Fault fault : Fault.values()) {
            if (plan.has(fault)) {
                List<String> hits = plan.hits(fault);
                spec.commandLine().getErr().printf("monitor: fault %s: %s%s%n", fault.token(),
                        hits.isEmpty() ? "/servers " : hits.size() == 1 ? hits.getFirst() + " "
                                : hits.getFirst() + " to " + hits.getLast() + " ", fault.effect());
            }
        }
        if (unhealthy != null) {
            unhealthy.forEach(service -> spec.commandLine().getErr().printf(
                    "monitor: every server of %s reports 100%% cpu and memory%n", service));
        }
        listening(bound);
        Quarkus.waitForExit();
        return 0;
    }

    /** The blocking server answers the plain contract only: what else the mock does lives on the event loop. */
    private void checkServerShape() {
        requirePositive("--workers", workers);
        requirePositive("--backlog", backlog);
        requirePositive("--max-in-flight", maxInFlight);
        if (workers == null && http10) {
            throw new ParameterException(spec.commandLine(), "--http10 needs --workers: the event loop keeps"
                    + " connections alive");
        }
        if (workers != null && (faults != null || tlsCert != null || tokenFile != null)) {
            throw new ParameterException(spec.commandLine(), "--workers serves plain HTTP without faults: it cannot"
                    + " be combined with --faults, --tls-cert or --token-file");
        }
    }

    private void requirePositive(String option, Integer value) {
        if (value != null && value < 1) {
            throw new ParameterException(spec.commandLine(), option + " must be at least 1, not " + value);
        }
    }

    private int serveBlocking(MockCluster cluster) {
        try (BlockingMockServer server = new BlockingMockServer(cluster, workers, http10)) {
            int bound;
            try {
                bound = server.start(host, port, backlog == null ? 0 : backlog);
            } catch (IOException e) {
                return cannotListen(e);
            }
            listening(bound);
            Quarkus.waitForExit();
            return 0;
        } catch (IOException e) {
            // Closing the listening socket at exit: nothing is left to tell.
            return 0;
        }
    }

    /** Most often the port is taken: said in words, as the other errors are, not as Java's BindException. */
    private int cannotListen(Throwable cause) {
        String reason = cause == null || cause.getMessage() == null ? "failed"
                : cause.getMessage().toLowerCase(Locale.ROOT);
        spec.commandLine().getErr().printf("monitor: cannot listen on %s:%d: %s%n", host, port, reason);
        return Verdict.UNKNOWN.exitCode();
    }

    /** Scripts wait for this line (on stderr, like every message) to know the port is open. */
    private void listening(int bound) {
        spec.commandLine().getErr().printf("monitor: mock cluster API with %d servers listening on %s://%s:%d%s%n",
                servers, tlsCert == null ? "http" : "https", host, bound, workers == null ? ""
                        : " (" + workers + (workers == 1 ? " worker" : " workers") + ", one connection at a time each"
                                + (backlog == null ? "" : ", backlog " + backlog) + (http10 ? ", HTTP/1.0" : "") + ")");
        spec.commandLine().getErr().flush();
    }

    /** Read and checked as a run reads its own --token-file, so that the two agree on what a token is. */
    private String authorization() {
        try {
            return new SecretReader(Map.of(), System.in).credentials(tokenFile.toString(), null).orElseThrow()
                    .authorization();
        } catch (SecretReader.SecretException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The fault names, for --help and shell completion. */
    static final class FaultNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Fault.values()).map(Fault::token).iterator();
        }
    }
}
