package dev.monitor.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import dev.monitor.mock.MockCluster;
import io.quarkus.runtime.Quarkus;
import io.vertx.core.Vertx;
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
        MockCluster cluster = MockCluster.random(servers, Duration.ofMillis(latencyMs), seed);
        int bound = cluster.start(vertx, host, port).toCompletionStage().toCompletableFuture().join();
        // Scripts wait for this line (on stderr, like every message) to know the port is open.
        spec.commandLine().getErr().printf("monitor: mock cluster API with %d servers listening on http://%s:%d%n",
                servers, host, bound);
        spec.commandLine().getErr().flush();
        Quarkus.waitForExit();
        return 0;
    }
}
