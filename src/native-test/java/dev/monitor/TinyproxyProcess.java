package dev.monitor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.monitor.testing.RequiredTool;
import dev.monitor.testing.TempFolders;

/**
 * A real forward proxy for the tests of one class: Debian's {@code tinyproxy} (plain requests and CONNECT
 * tunnels), on a free loopback port, requiring proxy credentials, logging every request it forwards, in a
 * temporary folder removed afterwards. Where {@code tinyproxy} is not installed ({@code apt-get install tinyproxy})
 * or does not start, the tests are skipped saying why, and fail under CI ({@link RequiredTool}).
 */
public class TinyproxyProcess implements BeforeAllCallback, AfterAllCallback {

    public static final String USER = "proxyuser";
    public static final String PASSWORD = "prx-pa55-9d1c";

    private Process process;
    private Path folder;
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path binary = RequiredTool.find("tinyproxy", "tinyproxy");
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
        Awaitility.await("tinyproxy listening").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> accepts() || !process.isAlive());
        RequiredTool.require(accepts(), "tinyproxy could not be started: " + output());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (folder != null) {
            TempFolders.delete(folder);
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
