package dev.monitor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real forward proxy for the tests of one class: Debian's {@code tinyproxy} (plain requests and CONNECT
 * tunnels), on a free loopback port, requiring proxy credentials, logging every request it forwards.
 * The tests are skipped, saying why, where {@code tinyproxy} is not installed ({@code apt-get install tinyproxy}).
 */
public class TinyproxyProcess implements BeforeAllCallback, AfterAllCallback {

    public static final String USER = "proxyuser";
    public static final String PASSWORD = "prx-pa55-9d1c";

    private Process process;
    private Path folder;
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
        Path binary = List.of(Path.of("/usr/bin/tinyproxy"), Path.of("/usr/sbin/tinyproxy")).stream()
                .filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(binary != null,
                "tinyproxy is not installed (apt-get install tinyproxy): the proxy tests need a real proxy");
        folder = Files.createTempDirectory("monitor-proxy");
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path config = Files.writeString(folder.resolve("tinyproxy.conf"), String.join("\n",
                "Port " + port,
                "Listen 127.0.0.1",
                "Timeout 30",
                "LogFile \"" + log() + "\"",
                "LogLevel Connect",
                "MaxClients 200",
                "Allow 127.0.0.1",
                "BasicAuth " + USER + " " + PASSWORD,
                ""));
        process = new ProcessBuilder(binary.toString(), "-d", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("stdout.txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!accepts()) {
            Assumptions.assumeTrue(process.isAlive(), "tinyproxy could not be started: " + output());
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("tinyproxy did not listen within 10s: " + output());
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    public int port() {
        return port;
    }

    /** The requests the proxy forwarded or tunnelled since it started, as its log names them. */
    public List<String> requests() throws IOException {
        return Files.exists(log()) ? Files.readAllLines(log()).stream().filter(line -> line.contains("Request ("))
                .toList() : List.of();
    }

    private Path log() {
        return folder.resolve("tinyproxy.log");
    }

    private String output() {
        try {
            return Files.readString(folder.resolve("stdout.txt")).strip();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
