package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.testing.Launches;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * Where the requests go: to the host, port and path the user gave, each of them, over a real socket to a server
 * that records what reached it. A {@code --host} that would move a request elsewhere is refused before any goes.
 */
@QuarkusTest
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class EndpointCommandTest {

    private static final List<String> REACHED = new CopyOnWriteArrayList<>();
    private static Vertx vertx;
    private static HttpServer ipv4;
    private static HttpServer ipv6;

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    @BeforeAll
    static void listen() {
        vertx = Vertx.vertx();
        // Each request is recorded as the server saw it: its Host header and its path. No servers listed: the run
        // ends there, which is enough to know where it went.
        ipv4 = vertx.createHttpServer()
                .requestHandler(request -> {
                    REACHED.add(request.authority() + " " + request.uri());
                    request.response().end("[]");
                })
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        ipv6 = vertx.createHttpServer()
                .requestHandler(request -> {
                    REACHED.add(request.authority() + " " + request.uri());
                    request.response().end("[]");
                })
                .listen(0, "::1").toCompletionStage().toCompletableFuture().join();
    }

    @AfterAll
    static void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @BeforeEach
    void forget() {
        REACHED.clear();
    }

    private LaunchResult run(String... args) {
        return Launches.launch(launcher, List.of("--snapshot", temp.resolve("snapshot.json").toString(), "--retries",
                "0", "--refresh"), args);
    }

    @Test
    void theRequestGoesToTheHostPortAndPathGiven() {
        String port = String.valueOf(ipv4.actualPort());
        String port6 = String.valueOf(ipv6.actualPort());

        run("--host", "127.0.0.1", "--port", port);
        run("--host", "::1", "--port", port6);
        run("--host", "[::1]", "--port", port6);
        // An encoded slash is part of one path segment, and stays so.
        run("--url", "http://127.0.0.1:" + port + "/api%2Fv1/");

        assertThat(REACHED).containsExactly("127.0.0.1:" + port + " /servers", "[::1]:" + port6 + " /servers",
                "[::1]:" + port6 + " /servers", "127.0.0.1:" + port + " /api%2Fv1/servers");
    }

    @Test
    void aHostThatWouldMoveTheRequestElsewhereIsRefusedBeforeAnyGoes() {
        String port = String.valueOf(ipv4.actualPort());
        // As a URL, each would lose the port (to port 80) or the host: "http://127.0.0.1#:PORT/servers".
        for (String host : List.of("127.0.0.1#", "127.0.0.1/", "127.0.0.1?", "evil@127.0.0.1", "127.0.0.1:80")) {
            LaunchResult result = run("--host", host, "--port", port);

            assertThat(result.exitCode()).as(host).isEqualTo(3);
            assertThat(result.getErrorStream().getFirst()).as(host)
                    .startsWith("monitor: --host must be a host name or an IP address");
        }
        assertThat(REACHED).isEmpty();
    }
}
