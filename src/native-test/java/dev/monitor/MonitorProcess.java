package dev.monitor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged artifact run as its own process, as a user runs it, with its stdout and stderr collected
 * line by line as they come, so a test can wait for a line, send a signal, and look at what was printed.
 */
final class MonitorProcess {

    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final List<Thread> collectors = new ArrayList<>();

    private MonitorProcess(Process process, boolean collectOut) {
        this.process = process;
        if (collectOut) {
            collect(process.getInputStream(), out);
        }
        collect(process.getErrorStream(), err);
    }

    static MonitorProcess start(List<String> args) throws IOException {
        return new MonitorProcess(new ProcessBuilder(command(args)).start(), true);
    }

    /** Started with stdout left to the test, to read a little of it and close it, as {@code | head} does. */
    static MonitorProcess startForPipe(List<String> args) throws IOException {
        return new MonitorProcess(new ProcessBuilder(command(args)).start(), false);
    }

    private static List<String> command(List<String> args) {
        List<String> command = new ArrayList<>(MockServerProcess.artifactCommand());
        command.addAll(args);
        return command;
    }

    private void collect(InputStream stream, List<String> lines) {
        collectors.add(Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    synchronized (this) {
                        lines.add(line);
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // The process ended or the test closed the stream: nothing more to collect.
            }
        }));
    }

    Process process() {
        return process;
    }

    /** Waits until stdout has a line matching, counting from line {@code from}; false after the timeout. */
    boolean awaitOut(int from, Predicate<String> line, Duration timeout) throws InterruptedException {
        return await(out, from, line, timeout);
    }

    boolean awaitErr(int from, Predicate<String> line, Duration timeout) throws InterruptedException {
        return await(err, from, line, timeout);
    }

    private synchronized boolean await(List<String> lines, int from, Predicate<String> line, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lines.subList(Math.min(from, lines.size()), lines.size()).stream().noneMatch(line)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    synchronized int outLines() {
        return out.size();
    }

    synchronized int errLines() {
        return err.size();
    }

    synchronized String out() {
        return String.join("\n", out);
    }

    synchronized String err() {
        return String.join("\n", err);
    }

    void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor();
    }

    /** The exit code, once the process has ended within the timeout. */
    int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after " + timeout + "; stderr:\n" + err());
        }
        for (Thread collector : collectors) {
            collector.join(TimeUnit.SECONDS.toMillis(10));
        }
        return process.exitValue();
    }
}
