package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * {@code Retry-After} on 429: an API that refuses the first {@code /servers} with a wait, then answers two
 * servers. The client waits as asked when the wait fits in {@code --timeout}, and does not retry otherwise.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@QuarkusTest
class RetryAfterCommandTest {

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    private Vertx vertx;
    private final List<Long> listArrivals = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private volatile String retryAfter;
    private HttpServer server;

    @BeforeEach
    void serve() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/servers")) {
                listArrivals.add(System.nanoTime());
                if (refusals.getAndIncrement() == 0) {
                    request.response().setStatusCode(429).putHeader("Retry-After", retryAfter).end();
                    return;
                }
                request.response().putHeader("Content-Type", "application/json").end("[\"10.0.0.1\", \"10.0.0.2\"]");
                return;
            }
            request.response().putHeader("Content-Type", "application/json")
                    .end("{\"cpu\": \"10%\", \"memory\": \"10%\", \"service\": \"Auth\"}");
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
    }

    @AfterEach
    void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private LaunchResult run() {
        return launcher.launch("--snapshot", temp.resolve("s.json").toString(), "--url",
                "http://127.0.0.1:" + server.actualPort(), "--timeout", "3s", "--retries", "2");
    }

    @Test
    void aWaitWithinTheTimeoutIsHonoured() {
        retryAfter = "2";

        LaunchResult result = run();

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(listArrivals).hasSize(2);
        assertThat(listArrivals.get(1) - listArrivals.get(0)).as("waited the 2 s asked for")
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(2000));
    }

    @Test
    void aWaitBeyondTheTimeoutIsNotRetried() {
        retryAfter = "60";

        LaunchResult result = run();

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(listArrivals).as("asked once, not again within the minute").hasSize(1);
        assertThat(result.getErrorOutput()).contains("HTTP 429 (asked to wait 1m)");
    }
}
