package dev.monitor.testing;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.awaitility.Awaitility;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * {@code monitor serve} run in-process by the test's launcher, on a thread of its own, for as long as the test
 * scrapes it; then ended by interrupting that thread (a signal would reach the whole test JVM: the packaged tests
 * end serve with SIGTERM). It answers on a free loopback port, and is started once it answers {@code /-/healthy}.
 */
public final class ServeInProcess implements ServedMetrics, AutoCloseable {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofSeconds(30);

    private final Thread thread;
    private final CompletableFuture<LaunchResult> result;
    private final URI base;

    private ServeInProcess(Thread thread, CompletableFuture<LaunchResult> result, URI base) {
        this.thread = thread;
        this.result = result;
        this.base = base;
    }

    /** {@code monitor serve ARGS --listen 127.0.0.1:PORT}, on a free port, and waits until it answers. */
    public static ServeInProcess start(QuarkusMainLauncher launcher, String... args) {
        int port = FreePort.any();
        List<String> all = new ArrayList<>(List.of("serve"));
        all.addAll(Arrays.asList(args));
        all.addAll(List.of("--listen", "127.0.0.1:" + port));
        CompletableFuture<LaunchResult> result = new CompletableFuture<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Thread thread = Thread.ofPlatform().name("monitor-serve").unstarted(() -> {
            try {
                result.complete(launcher.launch(all.toArray(String[]::new)));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        thread.setContextClassLoader(loader);
        thread.start();
        ServeInProcess serve = new ServeInProcess(thread, result, URI.create("http://127.0.0.1:" + port));
        Awaitility.await("monitor serve answering on port " + port).atMost(START).pollInterval(Duration.ofMillis(50))
                .ignoreExceptionsMatching(e -> e instanceof UncheckedIOException).until(() -> {
                    if (result.isDone()) {
                        throw new AssertionError("monitor serve ended before it answered: " + describe(result));
                    }
                    return Scrape.get(serve.uri("/-/healthy")).status() == 200;
                });
        return serve;
    }

    /** {@code monitor serve --port PORT --snapshot SNAPSHOT --interval 1s ARGS}: a fetch a second from a mock. */
    public static ServeInProcess everySecond(QuarkusMainLauncher launcher, int port, Path snapshot, String... args) {
        List<String> all = new ArrayList<>(List.of("--port", String.valueOf(port), "--snapshot", snapshot.toString(),
                "--interval", "1s"));
        all.addAll(Arrays.asList(args));
        return start(launcher, all.toArray(String[]::new));
    }

    private static String describe(CompletableFuture<LaunchResult> result) {
        try {
            LaunchResult ended = result.get();
            return "exit " + ended.exitCode() + ", stderr:\n" + ended.getErrorOutput();
        } catch (InterruptedException | ExecutionException e) {
            return e.toString();
        }
    }

    @Override
    public URI uri(String path) {
        return base.resolve(path);
    }

    /** Ends serve (the thread interrupted) and gives what it exited with and said. */
    public LaunchResult stop() {
        thread.interrupt();
        try {
            return result.get(STOP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("monitor serve did not end within " + STOP + " of its interruption", e);
        }
    }

    @Override
    public void close() {
        if (!result.isDone()) {
            stop();
        }
    }
}
