package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Snapshot;
import dev.monitor.snapshot.SnapshotRepository;
import dev.monitor.testing.Launches;
import dev.monitor.testing.MockClusterExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * The command over a fresh snapshot of 100,000 one-server services, none healthy: its answers stay readable. The
 * mock stands for the API the snapshot is of, and is never asked.
 */
@QuarkusTest
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LargeClusterOutputCommandTest {

    private static final int SERVICES = 100_000;
    private static final String SUMMARY = "100000 of 100000 services below 2 healthy: S000001 0/1, S000002 0/1, "
            + "S000003 0/1, S000004 0/1, S000005 0/1 and 99995 more";

    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(150, 50);

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    @BeforeEach
    void saveAFreshSnapshotOfAHundredThousandFailingServices() throws IOException {
        List<Server> servers = IntStream.rangeClosed(1, SERVICES).<Server> mapToObj(i -> new Server.Measured(
                "10.1." + (i >> 8) + "." + (i & 255), "S%06d".formatted(i), 99, 10)).toList();
        new SnapshotRepository(Optional.empty()).write(temp.resolve("snapshot.json"),
                new Snapshot(URI.create("http://localhost:" + mock.port()), Instant.now(), servers));
    }

    private LaunchResult run(String... args) {
        return Launches.launch(launcher, List.of("--port", String.valueOf(mock.port()), "--snapshot",
                temp.resolve("snapshot.json").toString(), "--max-age", "1h"), args);
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void nagiosOutputFitsWhatNagiosKeeps() {
        int requests = mock.cluster().requestCount();

        LaunchResult result = run("-o", "nagios");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(mock.cluster().requestCount()).as("the snapshot stood in").isEqualTo(requests);
        List<String> lines = result.getOutputStream();
        assertThat(lines.getFirst()).startsWith("MONITOR CRITICAL - " + SUMMARY + " | ");
        assertThat(bytes(lines.getFirst() + "\n")).as("the status line").isLessThan(4096);
        assertThat(bytes(String.join("\n", lines) + "\n")).as("the whole output").isLessThan(8192);
        assertThat(lines.getLast()).startsWith("Perfdata: ").contains(" of 100003 labels");
    }

    @Test
    void theSummaryOnStderrIsOneShortLine() {
        LaunchResult result = run("--unhealthyservices");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorStream()).containsExactly("monitor: CRITICAL: " + SUMMARY);
        assertThat(result.getOutputStream()).as("the table lists them all").hasSize(SERVICES + 2);
    }
}
