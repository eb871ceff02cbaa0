package dev.monitor.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.vertx.core.Vertx;

/**
 * The servers the mock stands for besides its fast one: one that answers one connection at a time behind a small
 * accept queue (Python's http.server), and one that turns requests away above a number in flight. Over real
 * sockets, with a client that knows nothing of monitor.
 */
@Timeout(60)
class MockServerShapesTest {

    private static final String REQUEST = "GET /10.58.1.1 HTTP/1.1\r\nHost: mock\r\n\r\n";

    /** Sends the request on a connection of its own and reads until the server closes it. */
    private static String exchange(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(REQUEST.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Polls until the condition holds (the test's timeout ends a wait in vain). */
    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(10);
        }
    }

    @Test
    void oneWorkerAnswersOneConnectionAtATimeInHttp10AndClosesEach() throws Exception {
        MockCluster cluster = new MockCluster(150, Duration.ofMillis(100), () -> 50);
        try (BlockingMockServer server = new BlockingMockServer(cluster, 1, true);
                ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            int port = server.start("127.0.0.1", 0, 5);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(clients.submit(() -> exchange(port)));
            }

            for (Future<String> answer : answers) {
                assertThat(answer.get()).as("a whole answer, then the connection closed")
                        .startsWith("HTTP/1.0 200 OK\r\n").contains("Content-Length: ")
                        .endsWith("\"service\": \"" + MockFleet.serviceOf("10.58.1.1") + "\"}");
            }
            assertThat(cluster.maxInFlight()).as("answered one at a time").isEqualTo(1);
            assertThat(cluster.connectionCount()).as("a connection for each request").isEqualTo(4);
        }
    }

    @Test
    void withoutHttp10ItAnswersHttp11AndSaysItCloses() throws Exception {
        MockCluster cluster = new MockCluster(150, Duration.ZERO, () -> 50);
        try (BlockingMockServer server = new BlockingMockServer(cluster, 2, false)) {
            int port = server.start("127.0.0.1", 0, 5);

            assertThat(exchange(port)).startsWith("HTTP/1.1 200 OK\r\n").contains("\r\nConnection: close\r\n");
        }
    }

    @Test
    void connectionsBeyondTheBacklogAreNotAccepted() throws Exception {
        // The kernel's behaviour behind the option: Linux drops a connection that finds the accept queue full.
        assumeThat(System.getProperty("os.name")).startsWith("Linux");
        MockCluster cluster = new MockCluster(150, Duration.ofSeconds(5), () -> 50);
        List<Socket> sockets = new ArrayList<>();
        try (BlockingMockServer server = new BlockingMockServer(cluster, 1, true)) {
            int port = server.start("127.0.0.1", 0, 1);
            Socket busy = new Socket("127.0.0.1", port);
            sockets.add(busy);
            busy.getOutputStream().write(REQUEST.getBytes(StandardCharsets.ISO_8859_1));
            awaitUntil(() -> cluster.requestCount() == 1);

            // The worker holds the first for 5 s: the next ones wait in the queue, or do not get in at all.
            int connected = 0;
            int dropped = 0;
            for (int i = 0; i < 6; i++) {
                Socket socket = new Socket();
                sockets.add(socket);
                try {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                    connected++;
                } catch (SocketTimeoutException e) {
                    dropped++;
                }
            }

            assertThat(connected).as("queued: Linux holds one more than the backlog").isLessThanOrEqualTo(2);
            assertThat(dropped).isGreaterThanOrEqualTo(4);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void aClusterLimitedInFlightAnswers429AtOnceToTheRequestAboveTheLimit() throws Exception {
        Vertx vertx = Vertx.vertx();
        HttpClient client = HttpClient.newHttpClient();
        try {
            MockCluster cluster = new MockCluster(10, Duration.ofSeconds(2), () -> 50).limitInFlight(2);
            int port = cluster.start(vertx, "127.0.0.1", 0).toCompletionStage().toCompletableFuture().join();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/10.58.1.1")).build();
            List<CompletableFuture<HttpResponse<String>>> held = List.of(
                    client.sendAsync(request, HttpResponse.BodyHandlers.ofString()),
                    client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            awaitUntil(() -> cluster.requestCount() == 2);

            HttpResponse<String> third = client.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(held.getFirst().isDone()).as("answered while the others were still held").isFalse();
            assertThat(held).allSatisfy(answer -> assertThat(answer.get().statusCode()).isEqualTo(200));
            assertThat(cluster.turnedAwayCount()).isEqualTo(1);
            assertThat(cluster.maxInFlight()).isEqualTo(2);
        } finally {
            client.close();
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
