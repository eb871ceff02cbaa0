package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.mock.FaultPlan;
import dev.monitor.mock.MockCluster;
import dev.monitor.mock.MockFleet;
import dev.monitor.testing.MockClusterExtension;
import dev.monitor.testing.Scrape;
import dev.monitor.testing.ServeInProcess;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * {@code monitor serve}, the real command in-process, scraped over a real socket while a fetch from a slow mock
 * cluster API runs: before the first fetch has completed, and while the figures change under a later one. The rest
 * of serve is ServeCommandTest's.
 */
@QuarkusTest
@Timeout(120)
class ServeDuringFetchCommandTest {

    /** Every figure of the slow mock: 50% (every server healthy) until a test says otherwise. */
    private static final AtomicInteger FIGURES = new AtomicInteger(50);

    /** Every answer held back a second: a fetch (the list, then the servers) takes two at least. */
    @RegisterExtension
    static MockClusterExtension slow = new MockClusterExtension(new MockCluster(new MockFleet(20),
            Duration.ofSeconds(1), FIGURES::get, FaultPlan.none()));

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    /** All 20 servers asked at once, so that each fetch takes its two seconds, not what a cautious start makes it. */
    private ServeInProcess serve(String... args) {
        return ServeInProcess.everySecond(launcher, slow.port(), temp.resolve("snapshot.json"),
                Stream.concat(Stream.of("--concurrency", "20"), Stream.of(args)).toArray(String[]::new));
    }

    @Test
    void readyAndMetricsAnswer503UntilTheFirstFetchHasCompleted() {
        try (ServeInProcess serve = serve()) {
            Scrape ready = Scrape.get(serve.uri("/-/ready"));
            Scrape metrics = serve.metrics();

            assertThat(Scrape.get(serve.uri("/-/healthy"))).isEqualTo(new Scrape(200, "text/plain; charset=utf-8",
                    "monitor is Healthy.\n"));
            assertThat(ready.status()).as("the first fetch takes two seconds").isEqualTo(503);
            assertThat(metrics.status()).isEqualTo(503);
            assertThat(metrics.body()).isEqualTo("monitor is not ready: no fetch has completed yet.\n");
            serve.awaitReady();
            assertThat(Scrape.get(serve.uri("/-/ready")).body()).isEqualTo("monitor is Ready.\n");
            assertThat(serve.metrics().status()).isEqualTo(200);
            LaunchResult result = serve.stop();
            assertThat(result.exitCode()).isZero();
            assertThat(result.getErrorStream()).containsExactly("monitor: serving metrics of http://localhost:"
                    + slow.port() + " on " + serve.uri("/metrics") + " every 1s");
            assertThat(result.getOutput()).as("stdout stays quiet").isEmpty();
        }
    }

    /**
     * A fetch begins; the cluster's figures change under it (every server unhealthy from then on). Every scrape while
     * it runs gets the fetch before it, byte for byte, and the first that differs gets this one whole: every server
     * of it, each unhealthy, never some of each.
     */
    @Test
    void aScrapeDuringAFetchGetsThePreviousFetchWholeAndStartsNone() {
        FIGURES.set(50);
        try (ServeInProcess serve = serve("--per-server")) {
            serve.awaitReady();
            int lists = slow.cluster().requestCount("/servers");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                    .until(() -> slow.cluster().requestCount("/servers") > lists);
            FIGURES.set(90);
            int listed = slow.cluster().requestCount("/servers");
            Scrape previous = serve.metrics();
            List<Scrape> during = new ArrayList<>();
            AtomicReference<Scrape> changed = new AtomicReference<>();
            // A scrape every 10 ms until one differs: a hundred and more while the fetch runs. Back to back, they only
            // kept a core busy.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> {
                Scrape scrape = serve.metrics();
                if (scrape.body().equals(previous.body())) {
                    during.add(scrape);
                    return false;
                }
                changed.set(scrape);
                return true;
            });
            Scrape next = changed.get();

            assertThat(previous.samples("monitor_server_healthy")).hasSize(20).allSatisfy((server, healthy) ->
                    assertThat(healthy).as(server).isEqualTo(1.0));
            assertThat(during).as("scrapes while the fetch ran").hasSizeGreaterThan(5);
            assertThat(next.value("monitor_fetched_servers")).isEqualTo(20);
            assertThat(next.samples("monitor_server_healthy")).hasSize(20).allSatisfy((server, healthy) ->
                    assertThat(healthy).as(server).isEqualTo(0.0));
            assertThat(next.value("monitor_last_successful_fetch_timestamp_seconds"))
                    .isGreaterThan(previous.value("monitor_last_successful_fetch_timestamp_seconds"));
            assertThat(slow.cluster().requestCount("/servers") - listed)
                    .as("lists asked for during %d scrapes: at most the next fetch's", during.size()).isLessThanOrEqualTo(1);
        } finally {
            FIGURES.set(50);
        }
    }
}
