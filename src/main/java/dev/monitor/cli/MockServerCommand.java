package dev.monitor.cli;

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
        description = "Serve a mock cluster API (the contract of the seed's server.py) until Ctrl-C.")
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

    @Option(names = "--seed", paramLabel = "SEED", description = "Make the random cpu and memory figures reproducible.")
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
        HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port);
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
            // Most often the port is taken: said in words, as the other errors are, not as Java's BindException.
            String reason = e.getCause() == null || e.getCause().getMessage() == null ? "failed"
                    : e.getCause().getMessage().toLowerCase(Locale.ROOT);
            spec.commandLine().getErr().printf("monitor: cannot listen on %s:%d: %s%n", host, port, reason);
            return Verdict.UNKNOWN.exitCode();
        }
        for (Fault fault : Fault.values()) {
            if (plan.has(fault)) {
                List<String> hits = plan.hits(fault);
                spec.commandLine().getErr().printf("monitor: fault %s: %s%s%n", fault.token(),
                        hits.isEmpty() ? "/servers " : hits.size() == 1 ? hits.getFirst() + " "
                                : hits.getFirst() + " to " + hits.getLast() + " ", fault.effect());
            }
        }
        // Scripts wait for this line (on stderr, like every message) to know the port is open.
        spec.commandLine().getErr().printf("monitor: mock cluster API with %d servers listening on %s://%s:%d%n",
                servers, tlsCert == null ? "http" : "https", host, bound);
        spec.commandLine().getErr().flush();
        Quarkus.waitForExit();
        return 0;
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
