package dev.monitor.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;

/**
 * A cluster API that answers what the test wrote down, over a real socket on a free loopback port: {@code /servers}
 * lists the addresses given, and each answers its own body with 200. For answers the project's mock never gives:
 * figures outside the contract, or a service named like something monitor says itself.
 */
public class CannedClusterExtension implements BeforeAllCallback, AfterAllCallback {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> bodies;
    private final AtomicInteger requests = new AtomicInteger();
    private Vertx vertx;
    private int port;

    /** @param bodies each address, in the order {@code /servers} lists them, and the body it answers */
    public CannedClusterExtension(Map<String, String> bodies) {
        this.bodies = new LinkedHashMap<>(bodies);
    }

    /** A server's answer as the contract shapes it, with these values as sent. */
    public static String details(String cpu, String memory, String service) {
        try {
            return JSON.writeValueAsString(Map.of("cpu", cpu, "memory", memory, "service", service));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String list = JSON.writeValueAsString(bodies.keySet());
        vertx = Vertx.vertx();
        port = vertx.createHttpServer().requestHandler(request -> {
            requests.incrementAndGet();
            String path = request.path();
            String body = "/servers".equals(path) ? list : bodies.get(path.substring(1));
            request.response().setStatusCode(body == null ? 400 : 200).putHeader("Content-Type", "application/json")
                    .end(body == null ? "{\"error\": \"Invalid IP\"}" : body);
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get().actualPort();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    public int port() {
        return port;
    }

    /** Requests answered so far, {@code /servers} included. */
    public int requestCount() {
        return requests.get();
    }
}
