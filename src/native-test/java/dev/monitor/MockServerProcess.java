package dev.monitor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs {@code monitor mock-server} from the packaged artifact ({@code target/monitor}: the native binary under
 * {@code -Dnative}, else the JVM launcher) as its own process on a free port, for the tests of one class.
 */
public class MockServerProcess implements BeforeAllCallback, AfterAllCallback {

    private static final Pattern LISTENING = Pattern.compile("listening on https?://[^:]+:(\\d+)");
    private static final long READY_SECONDS = 60;

    private final List<String> options;
    private Process process;
    private int port;

    public MockServerProcess(String... options) {
        this.options = List.of(options);
    }

    /** The command that runs the packaged artifact, as the user would run it. */
    public static List<String> artifactCommand() {
        String nativeImage = System.getProperty("native.image.path");
        if (nativeImage != null && Files.isExecutable(Path.of(nativeImage))) {
            return List.of(nativeImage);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().toString());
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
        start(0);
    }

    /**
     * Starts the mock on the port (0 for any free one) and waits until it listens, for a minute at most: a mock that
     * never says so fails the tests of the class at once rather than hanging them.
     */
    public void start(int requestedPort) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(artifactCommand());
        command.addAll(List.of("mock-server", "--host", "127.0.0.1", "--port", String.valueOf(requestedPort)));
        command.addAll(options);
        process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        List<String> said = new CopyOnWriteArrayList<>();
        // Read to the end, so that a mock that writes more to stderr never blocks on a full pipe.
        Thread.ofVirtual().start(() -> {
            try (BufferedReader err = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    said.add(line);
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        listening.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
            } catch (IOException e) {
                // The mock ended: said below, if it had not listened.
            }
            listening.completeExceptionally(new IllegalStateException("mock-server ended without listening: " + said));
        });
        try {
            port = listening.get(READY_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("mock-server did not listen within " + READY_SECONDS + "s: " + said, e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        stop();
    }

    /** Stops the mock, as a cluster API that goes away; {@link #start(int)} with {@link #port()} brings it back. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public int port() {
        return port;
    }
}
