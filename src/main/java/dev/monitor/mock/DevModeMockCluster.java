package dev.monitor.mock;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * In dev mode ({@code ./mvnw quarkus:dev}) only: serves the reference mock cluster API, so the command
 * dev mode runs has a cluster to read and a developer can try it with nothing else installed.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevModeMockCluster {

    private final MockCluster cluster = MockCluster.random(150, Duration.ZERO, null);

    void start(@Observes StartupEvent startup, Vertx vertx,
            @ConfigProperty(name = "monitor.dev.mock-port", defaultValue = "8080") int port) {
        cluster.start(vertx, "localhost", port).toCompletionStage().toCompletableFuture().join();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        cluster.stop().toCompletionStage().toCompletableFuture().join();
    }
}
