package dev.monitor.mock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The mock cluster API served as the simplest servers serve it: a few worker threads, each answering one connection
 * at a time and closing it after the answer, behind a listen backlog (the kernel's queue of connections not yet
 * accepted). With one worker, a backlog of 5 and HTTP/1.0 it is Python's {@code http.server}, as small cluster APIs
 * written in Python run it: connections beyond the queue are dropped by the kernel and tried again by the client's
 * only after a second. Vert.x cannot stand for it: its event loop accepts every connection at once. The answers are
 * {@link MockCluster#plainAnswer}'s, each held back by the cluster's latency in the worker, so that the server is
 * busy for it.
 */
public final class BlockingMockServer implements AutoCloseable {

    private static final int READ_TIMEOUT_MS = 10_000;
    private static final Map<Integer, String> REASONS = Map.of(200, "OK", 400, "Bad Request",
            429, "Too Many Requests");

    private final MockCluster cluster;
    private final int workers;
    private final boolean http10;
    private ServerSocket socket;

    /** @param http10 answers as HTTP/1.0; else as HTTP/1.1 with {@code Connection: close} */
    public BlockingMockServer(MockCluster cluster, int workers, boolean http10) {
        this.cluster = cluster;
        this.workers = workers;
        this.http10 = http10;
    }

    /**
     * Starts listening and answering; returns the port bound.
     *
     * @param port    0 for any free one
     * @param backlog connections the kernel queues until a worker accepts them; 0 for Java's default (50)
     */
    public int start(String host, int port, int backlog) throws IOException {
        socket = new ServerSocket(port, backlog, InetAddress.getByName(host));
        for (int i = 0; i < workers; i++) {
            Thread.ofPlatform().daemon().name("mock-worker-" + i).start(this::serve);
        }
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                cluster.connected();
                answer(connection);
            } catch (IOException e) {
                // The client went away, or the server is closing: the next connection, if any.
            }
        }
    }

    private void answer(Socket connection) throws IOException {
        connection.setSoTimeout(READ_TIMEOUT_MS);
        BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                StandardCharsets.ISO_8859_1));
        String requestLine = in.readLine();
        if (requestLine == null) {
            return;
        }
        for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
            // Headers say nothing this server needs.
        }
        String[] parts = requestLine.split(" ");
        String path = parts.length > 1 ? parts[1].replaceFirst("\\?.*", "") : "";
        MockCluster.Answer answer;
        if (cluster.arrived(path)) {
            pause();
            cluster.answering();
            answer = cluster.plainAnswer(path);
        } else {
            answer = new MockCluster.Answer(429, MockCluster.TOO_MANY_REQUESTS);
        }
        byte[] body = answer.body().getBytes();
        String head = (http10 ? "HTTP/1.0 " : "HTTP/1.1 ") + answer.status() + " " + REASONS.get(answer.status())
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
                + (http10 ? "" : "Connection: close\r\n") + "\r\n";
        OutputStream out = connection.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** The cluster's latency, spent in the worker: one worker is one answer at a time. */
    private void pause() {
        long millis = cluster.latency().toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops accepting; a worker still answering finishes its answer (the workers are daemon threads). */
    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
    }
}
