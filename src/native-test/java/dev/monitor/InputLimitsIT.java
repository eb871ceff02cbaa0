package dev.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import dev.monitor.testing.SpecialFiles;

/**
 * The packaged artifact reading inputs that never end, as a careless or hostile user gives them: {@code /dev/zero},
 * a FIFO fed for ever, standard input that never closes. Each is read up to its cap and refused in one line, or
 * refused at once; a signal ends a run that waits on one (or a watch that waits on a hung server) within
 * seconds, with the documented code.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@Execution(ExecutionMode.CONCURRENT)
class InputLimitsIT {

    /** Far more than any cap takes to read: a run that grew its heap would take longer, or fail otherwise. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern HINT = Pattern.compile("Try 'monitor( context list)? --help' for more information\\.");

    @RegisterExtension
    static MockServerProcess hanging = new MockServerProcess("--faults", "timeout");

    @TempDir
    Path temp;

    private ArtifactRun monitor(String... args) throws Exception {
        return ArtifactRun.of(temp, Map.of(), args);
    }

    /** Exit 3 with one line starting as given (and picocli's hint), never a trace or Java's words. */
    private static void assertRefused(ArtifactRun run, String line) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        List<String> lines = run.err().lines().filter(text -> !HINT.matcher(text).matches()).toList();
        assertThat(lines).as(run.err()).containsExactly(line);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aTokenOrPasswordFileThatNeverEndsIsRefusedAtItsCap() throws Exception {
        assertRefused(monitor("--port", "1", "--token-file", "/dev/zero"),
                "monitor: --token-file /dev/zero: cannot read it (larger than 8 KiB)");
        assertRefused(monitor("--port", "1", "--basic-auth-file", "/dev/zero"),
                "monitor: --basic-auth-file /dev/zero: cannot read it (larger than 8 KiB)");

        Path fifo = SpecialFiles.fifo(temp.resolve("token"));
        CompletableFuture<Void> feeding = feedForEver(fifo);
        assertRefused(monitor("--port", "1", "--token-file", fifo.toString()),
                "monitor: --token-file " + fifo + ": cannot read it (larger than 8 KiB)");
        feeding.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aTokenFromStandardInputThatNeverEndsIsRefusedAtItsCap() throws Exception {
        ArtifactRun run = ArtifactRun.of(temp, ProcessBuilder.Redirect.from(Path.of("/dev/zero").toFile()), Map.of(),
                "--port", "1", "--token-file", "-");

        assertRefused(run, "monitor: --token-file - (standard input): cannot read it (larger than 8 KiB)");
    }

    @Test
    void aContextsFileThatIsADeviceOrAFifoIsRefusedAtOnce() throws Exception {
        ArtifactRun device = ArtifactRun.of(temp, Map.of("MONITOR_CONFIG", "/dev/zero"));
        Path fifo = SpecialFiles.fifo(temp.resolve("config.yaml"));
        ArtifactRun pipe = ArtifactRun.of(temp, Map.of("MONITOR_CONFIG", fifo.toString()), "context", "list");

        assertRefused(device, "monitor: /dev/zero is a character device, not a contexts file");
        assertRefused(pipe, "monitor: " + fifo + " is a FIFO, not a contexts file");
        assertThat(SpecialFiles.type(fifo)).isEqualTo("fifo");
    }

    @Test
    void aCaBundleCertificateOrKeyThatNeverEndsIsRefusedAtItsCap() throws Exception {
        // The TLS files are read when the first https:// request is made; port 1 is never reached.
        assertRefused(monitor("--url", "https://127.0.0.1:1", "--cacert", "/dev/zero", "--snapshot",
                temp.resolve("s.json").toString()), "monitor: --cacert /dev/zero: cannot read it (larger than 4 MiB)");
        assertRefused(monitor("--url", "https://127.0.0.1:1", "--cert", "/dev/zero", "--key", "/dev/zero",
                "--snapshot", temp.resolve("s.json").toString()),
                "monitor: --cert /dev/zero: cannot read it (larger than 4 MiB)");
    }

    @Test
    void sigtermWhileATokenIsReadFromAFifoEndsTheRunWith130WithinSeconds() throws Exception {
        Path fifo = SpecialFiles.fifo(temp.resolve("token"));
        MonitorProcess monitor = MonitorProcess.start(List.of("--port", "1", "--token-file", fifo.toString(),
                "--snapshot", temp.resolve("s.json").toString()));
        // Opening the writing end waits for monitor to open the reading end: then it is reading, and waits on.
        try (OutputStream silent = CompletableFuture.supplyAsync(() -> open(fifo)).get(60, TimeUnit.SECONDS)) {
            assertEndsOnSignalWithin130(monitor, "TERM");
        }
    }

    @Test
    void sigtermWhileATokenIsReadFromStandardInputEndsTheRunWith130WithinSeconds() throws Exception {
        // --insecure warns just before the secret is read: then standard input, which the test holds open, is read.
        MonitorProcess monitor = MonitorProcess.start(List.of("--url", "https://127.0.0.1:1", "--insecure",
                "--token-file", "-", "--snapshot", temp.resolve("s.json").toString()));
        assertThat(monitor.awaitErr(0, line -> line.contains("--insecure"), PATIENCE)).as(monitor.err()).isTrue();

        assertEndsOnSignalWithin130(monitor, "TERM");
    }

    @Test
    void sigintDuringAWatchTickThatWaitsOnAHungServerEndsTheWatchWith0WithinSeconds() throws Exception {
        MonitorProcess watch = MonitorProcess.start(List.of("--port", String.valueOf(hanging.port()), "--watch", "1",
                "--timeout", "10m", "--retries", "0", "--verbose", "--snapshot", temp.resolve("s.json").toString()));
        // The first tick asks every server, and three of them never answer: it would last the 10 minutes.
        assertThat(watch.awaitErr(0, line -> line.contains("fetching"), PATIENCE)).as(watch.err()).isTrue();
        long sent = System.nanoTime();
        watch.signal("INT");

        assertThat(watch.exitCode(PATIENCE)).as("Ctrl-C is the normal end of a watch: " + watch.err()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).as("from the signal to the end")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(watch.err()).doesNotContain("\tat ").doesNotContain("interrupted");
    }

    private static void assertEndsOnSignalWithin130(MonitorProcess monitor, String signal) throws Exception {
        long sent = System.nanoTime();
        monitor.signal(signal);

        assertThat(monitor.exitCode(PATIENCE)).as(monitor.err()).isEqualTo(130);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).as("from the signal to the end")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(monitor.err()).endsWith("monitor: interrupted").doesNotContain("\tat ");
    }

    /** Writes zeros into the FIFO until its reader goes away. */
    private static CompletableFuture<Void> feedForEver(Path fifo) {
        return CompletableFuture.runAsync(() -> {
            try (OutputStream out = open(fifo)) {
                byte[] zeros = new byte[64 << 10];
                while (true) {
                    out.write(zeros);
                }
            } catch (IOException e) {
                // Broken pipe: the reader read its fill and closed it.
            }
        });
    }

    private static OutputStream open(Path fifo) {
        try {
            return new FileOutputStream(fifo.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
