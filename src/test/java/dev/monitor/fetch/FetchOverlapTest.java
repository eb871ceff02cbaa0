package dev.monitor.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.mock.MockCluster;
import dev.monitor.testing.MockClusterExtension;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * The guard against a fetch that quietly became sequential (a pool of one, a blocking call in the pipeline):
 * the mock holds every answer back, so only a client that really overlaps its requests has many in flight.
 * Not timed: the mock counts, so a slow machine cannot make it fail.
 */
@QuarkusMainTest
class FetchOverlapTest {

    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(new MockCluster(50, Duration.ofMillis(200), () -> 50));

    @TempDir
    Path temp;

    @Test
    void fiftyServersAtConcurrencyFiftyAreAskedAtOnce(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("--port", String.valueOf(mock.port()), "--concurrency", "50",
                "--refresh", "--snapshot", temp.resolve("snapshot.json").toString());

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(mock.cluster().requestCount()).as("the list, then each server once").isEqualTo(51);
        assertThat(mock.cluster().maxInFlight()).as("requests the mock was answering at one time")
                .isGreaterThanOrEqualTo(40);
    }
}
