package dev.monitor.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.cli.CommandRuns;
import dev.monitor.mock.MockCluster;
import dev.monitor.testing.MockClusterExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * The guard against a fetch that quietly became sequential (a pool of one, a blocking call in the pipeline):
 * the mock holds every answer back (2 s, long enough for even a busy machine to send them all), so only a client
 * that really overlaps its requests has many in flight. Not timed: the mock counts.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@QuarkusTest
class FetchOverlapTest {

    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(new MockCluster(50, Duration.ofSeconds(2), () -> 50));

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    @Test
    void fiftyServersAtConcurrencyFiftyAreAskedAtOnce() {
        LaunchResult result = launcher.launch("--port", String.valueOf(mock.port()), "--concurrency", "50",
                "--refresh", "--snapshot", temp.resolve("snapshot.json").toString());

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(mock.cluster().requestCount()).as("the list, then each server once").isEqualTo(51);
        assertThat(mock.cluster().maxInFlight()).as("requests the mock was answering at one time")
                .isGreaterThanOrEqualTo(40);
    }
}
