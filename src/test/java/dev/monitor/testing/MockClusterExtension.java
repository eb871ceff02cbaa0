package dev.monitor.testing;

import java.time.Duration;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.monitor.mock.FaultPlan;
import dev.monitor.mock.MockCluster;
import dev.monitor.mock.MockFleet;
import io.vertx.core.Vertx;

/**
 * Serves the project's own mock cluster API on a free loopback port for the tests of one class, over a
 * real socket: {@code @RegisterExtension static MockClusterExtension mock = new MockClusterExtension(150);}
 */
public class MockClusterExtension implements BeforeAllCallback, AfterAllCallback {

    private final MockCluster cluster;
    private Vertx vertx;
    private int port;

    /** A fleet whose every figure is the given percentage, so that each test knows its verdict. */
    public MockClusterExtension(int servers, int percentage) {
        this(new MockCluster(servers, Duration.ZERO, () -> percentage));
    }

    /**
     * The same fleet, misbehaving as {@code monitor mock-server --faults} would: {@code "500,timeout:10"}.
     * Which servers each fault hits is in {@code cluster().faults()}.
     */
    public MockClusterExtension(int servers, int percentage, String faults) {
        this(faultyCluster(new MockFleet(servers), percentage, faults));
    }

    private static MockCluster faultyCluster(MockFleet fleet, int percentage, String faults) {
        return new MockCluster(fleet, Duration.ZERO, () -> percentage, FaultPlan.parse(faults, fleet));
    }

    public MockClusterExtension(MockCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        vertx = Vertx.vertx();
        port = cluster.start(vertx, "127.0.0.1", 0).toCompletionStage().toCompletableFuture().join();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    public MockCluster cluster() {
        return cluster;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }
}
