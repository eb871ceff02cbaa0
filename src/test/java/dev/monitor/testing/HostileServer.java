package dev.monitor.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A cluster API that breaks HTTP itself, written byte by byte on a raw socket: bad status lines, bodies where
 * none may be, early closes, bad chunking, control characters and conflicts in the headers ({@link Misbehaviour}).
 * It lists two servers: {@link #GOOD} always answers well, and {@link #HOSTILE}, or the list itself, answers
 * as the switch in force says; {@link #onDetailsOf} lists more, each misbehaving in a way of its own. A thread
 * per connection, one answer per connection, then the connection is closed, so each misbehaviour meets a fresh
 * connection.
 *
 * <p>
 * {@code @RegisterExtension static HostileServer hostile = new HostileServer();} then, in a test,
 * {@code hostile.onDetails(Misbehaviour.NO_CONTENT)}; as a plain {@link AutoCloseable} with {@link #start()}.
 */
public class HostileServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    /** Answers as the contract says, whatever the switch. */
    public static final String GOOD = "10.0.0.1";
    /** Answers as {@link #onDetails} says. */
    public static final String HOSTILE = "10.0.0.2";
    public static final List<String> SERVERS = List.of(GOOD, HOSTILE);

    private static final String DETAILS = "{\"cpu\": \"10%\", \"memory\": \"20%\", \"service\": \"AuthService\"}";
    private static final int MAX_REQUEST_HEAD = 16 << 10;
    private static final Duration BODY_DELAY = Duration.ofMillis(20);
    /** CR LF CR LF. */
    private static final int END_OF_HEAD = 0x0D0A0D0A;

    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Duration bodyDelay;
    private volatile Misbehaviour onDetails;
    private volatile Misbehaviour onList;
    private volatile Map<String, Misbehaviour> byServer = Map.of();
    private ServerSocket socket;

    public HostileServer() {
        this(BODY_DELAY);
    }

    /** @param bodyDelay how long after the head of an answer its body comes */
    public HostileServer(Duration bodyDelay) {
        this.bodyDelay = bodyDelay;
    }

    /** {@link #HOSTILE} answers as {@code misbehaviour} says from now on; null for well. */
    public HostileServer onDetails(Misbehaviour misbehaviour) {
        this.onDetails = misbehaviour;
        return this;
    }

    /**
     * Lists the servers of {@code byServer} too, after {@link #SERVERS}, each answering as its misbehaviour says from
     * now on: one run meets a whole class of defects at once.
     */
    public HostileServer onDetailsOf(Map<String, Misbehaviour> byServer) {
        this.byServer = Map.copyOf(byServer);
        return this;
    }

    /** {@code GET /servers} is answered as {@code misbehaviour} says from now on; null for well. */
    public HostileServer onList(Misbehaviour misbehaviour) {
        this.onList = misbehaviour;
        return this;
    }

    /** Listens on a free loopback port. */
    public HostileServer start() throws IOException {
        socket = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("hostile-server").start(this::accept);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** How many requests for {@code path} ({@code /servers}, {@code /10.0.0.2}) came so far. */
    public int requestCount(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread.ofVirtual().name("hostile-connection").start(() -> answer(connection));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void answer(Socket connection) {
        try (connection) {
            InputStream in = new BufferedInputStream(connection.getInputStream());
            String path = requestPath(in);
            if (path == null) {
                return;
            }
            requests.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
            OutputStream out = connection.getOutputStream();
            byte[] answer = answerFor(path);
            int head = headLength(answer);
            out.write(answer, 0, head);
            out.flush();
            if (head < answer.length) {
                // The body in a packet of its own, as it comes from a real server: the client has begun on the answer
                // (status and headers) before the body breaks.
                Thread.sleep(bodyDelay);
                out.write(answer, head, answer.length - head);
                out.flush();
            }
            // A close with the request still unread would be a reset; so the request is read whole above, and the
            // client is given the chance to close first, as it does once the answer ends or breaks.
            connection.shutdownOutput();
            connection.setSoTimeout(5_000);
            in.transferTo(OutputStream.nullOutputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up on the connection: nothing to answer any more.
        }
    }

    private static int headLength(byte[] answer) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        return end < 0 ? answer.length : end + 4;
    }

    private byte[] answerFor(String path) {
        if (path.equals("/servers")) {
            String list = list();
            return onList == null ? wellFormed(list) : onList.answer(list);
        }
        Misbehaviour misbehaviour = path.equals("/" + HOSTILE) ? onDetails : byServer.get(path.substring(1));
        return misbehaviour == null ? wellFormed(DETAILS) : misbehaviour.answer(DETAILS);
    }

    private String list() {
        return Stream.concat(SERVERS.stream(), byServer.keySet().stream().sorted())
                .collect(Collectors.joining("\", \"", "[\"", "\"]"));
    }

    private static byte[] wellFormed(String body) {
        return ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The path of the request line, once the whole head has come; null if the client left before. */
    private static String requestPath(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (head.size() < MAX_REQUEST_HEAD) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            last4 = last4 << 8 | b;
            if (last4 == END_OF_HEAD) {
                String[] requestLine = head.toString(StandardCharsets.ISO_8859_1).lines().findFirst().orElse("")
                        .split(" ");
                return requestLine.length > 1 ? requestLine[1] : "";
            }
        }
        return null;
    }
}
