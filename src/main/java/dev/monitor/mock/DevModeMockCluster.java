package dev.monitor.mock;

import java.time.Duration;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * In dev mode ({@code ./mvnw quarkus:dev}) only: serves the reference mock cluster API, so the command
 * dev mode runs has a cluster to read and a developer can try it with nothing else installed.
 *
 * <p>
 * A command-mode application stops when its command returns, and dev mode re-runs it (with the changed
 * code) only after that. So the mock lives on its own Vert.x, outside the application's lifecycle, and
 * keeps serving between runs. Each run replaces the previous run's mock; the handle to it is kept in the
 * system properties as a plain {@link AutoCloseable}, the one place that outlives dev mode's class loaders.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevModeMockCluster {

    private static final String PREVIOUS_MOCK = "monitor.dev.mock-cluster";

    void start(@Observes StartupEvent startup,
            @ConfigProperty(name = "monitor.dev.mock-port", defaultValue = "8080") int port) throws Exception {
        Properties global = System.getProperties();
        if (global.get(PREVIOUS_MOCK) instanceof AutoCloseable previous) {
            previous.close();
        }
        Vertx vertx = Vertx.vertx();
        MockCluster.random(150, Duration.ZERO, null).start(vertx, "localhost", port)
                .toCompletionStage().toCompletableFuture().join();
        AutoCloseable close = () -> vertx.close().toCompletionStage().toCompletableFuture().join();
        global.put(PREVIOUS_MOCK, close);
    }
}
