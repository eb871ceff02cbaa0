package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.mock.MockCluster;
import dev.monitor.testing.MockClusterExtension;
import dev.monitor.testing.Scrape;
import dev.monitor.testing.ServeInProcess;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.vertx.core.Vertx;

/**
 * {@code monitor serve}, the real command in-process, scraped over a real socket while it fetches from the mock
 * cluster API over another: how fetches follow each other, what each endpoint answers and in which format, and
 * what a scrape gets when the API goes away. Scrapes during a fetch are ServeDuringFetchCommandTest's.
 */
@QuarkusTest
@Timeout(120)
class ServeCommandTest {

    /** What Prometheus 2.42 sends when it scrapes. */
    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    /** One server, each answer 600 ms late: a fetch takes 1.2 s, longer than serve's interval of 1 s. */
    @RegisterExtension
    static MockClusterExtension oneServer = new MockClusterExtension(new MockCluster(1, Duration.ofMillis(600),
            () -> 50));

    @RegisterExtension
    static MockClusterExtension fast = new MockClusterExtension(30, 50);

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    private ServeInProcess serve(MockClusterExtension mock, String... args) {
        return ServeInProcess.everySecond(launcher, mock.port(), temp.resolve("snapshot.json"), args);
    }

    /**
     * Each fetch of the one server takes 1.2 s, the interval is 1 s: fetches run back to back, never two at once,
     * whatever the scrapes: the mock never has two requests in flight, and is asked for its list once a fetch.
     */
    @Test
    void fetchesNeverOverlapAndScrapesAskTheApiNothing() throws InterruptedException {
        try (ServeInProcess serve = serve(oneServer)) {
            serve.awaitReady();
            int lists = oneServer.cluster().requestCount("/servers");
            long started = System.nanoTime();
            int scrapes = 0;
            while (System.nanoTime() - started < Duration.ofSeconds(5).toNanos()) {
                assertThat(serve.metrics().status()).isEqualTo(200);
                scrapes++;
                // Hundreds of scrapes, 10 ms apart. Back to back, they only kept a core busy for the 5 s.
                Thread.sleep(10);
            }
            int fetches = oneServer.cluster().requestCount("/servers") - lists;

            assertThat(oneServer.cluster().maxInFlight()).as("requests in flight at once").isOne();
            assertThat(fetches).as("fetches in 5 s of %d scrapes, each 1.2 s at least", scrapes).isBetween(2, 5);
            assertThat(scrapes).isGreaterThan(10 * fetches);
        }
    }

    @Test
    void theScrapersAcceptHeaderChoosesOpenMetricsOrTheTextFormat() {
        try (ServeInProcess serve = serve(fast)) {
            serve.awaitReady();
            Scrape openMetrics = Scrape.request("GET", serve.uri("/metrics"), PROMETHEUS_ACCEPT);
            Scrape text = serve.metrics();
            Scrape head = Scrape.request("HEAD", serve.uri("/metrics"), PROMETHEUS_ACCEPT);

            assertThat(openMetrics.contentType()).startsWith("application/openmetrics-text; version=1.0.0");
            assertThat(openMetrics.body()).endsWith("# EOF\n").contains("# TYPE monitor_verdict stateset");
            assertThat(text.contentType()).startsWith("text/plain; version=0.0.4");
            assertThat(text.body()).doesNotContain("# EOF");
            assertThat(openMetrics.samples()).isEqualTo(text.samples())
                    .containsEntry("monitor_fetched_servers", 30.0).containsEntry("monitor_up", 1.0);
            assertThat(text.samples()).as("per-server series are off by default")
                    .noneSatisfy((name, value) -> assertThat(name).startsWith("monitor_server_"));
            assertThat(head).isEqualTo(new Scrape(200, openMetrics.contentType(), ""));
        }
    }

    @Test
    void onlyItsThreeEndpointsAnswerAndOnlyToGetAndHead() {
        try (ServeInProcess serve = serve(fast)) {
            serve.awaitReady();
            for (String path : List.of("/", "/metrics/", "/metric", "/-/healthy/x", "/api/v1/query", "/favicon.ico",
                    "/-/reload", "/10.58.1.1")) {
                assertThat(Scrape.get(serve.uri(path)).status()).as(path).isEqualTo(404);
            }
            for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS", "PATCH")) {
                for (String path : List.of("/metrics", "/-/healthy", "/-/ready")) {
                    Scrape answer = Scrape.request(method, serve.uri(path), null);
                    assertThat(answer.status()).as("%s %s", method, path).isEqualTo(405);
                }
            }
            assertThat(Scrape.get(serve.uri("/metrics?name[]=monitor_up")).status()).as("a query is no other path")
                    .isEqualTo(200);
        }
    }

    /**
     * The API goes away: stale while {@code --max-stale} (3 s) allows, then UNKNOWN, and all along the last figures
     * stay, growing old, with {@code monitor_up 0}; stderr says so once per cause, not once per fetch.
     */
    @Test
    void theApiGoneKeepsTheLastFiguresWithUpZeroAndTheirGrowingAge() {
        Vertx vertx = Vertx.vertx();
        MockCluster cluster = new MockCluster(30, Duration.ZERO, () -> 50);
        try {
            int port = cluster.start(vertx, "127.0.0.1", 0).toCompletionStage().toCompletableFuture().join();
            LaunchResult result;
            try (ServeInProcess serve = ServeInProcess.start(launcher, "--port", String.valueOf(port),
                    "--snapshot", temp.resolve("gone.json").toString(), "--interval", "1s", "--max-stale", "3s",
                    "--retries", "0")) {
                serve.awaitReady();
                Scrape fresh = serve.metrics();
                assertThat(fresh.value("monitor_up")).isEqualTo(1);
                cluster.stop().toCompletionStage().toCompletableFuture().join();

                await().atMost(Duration.ofSeconds(30)).until(() -> serve.metrics().value("monitor_up") == 0);
                Scrape stale = serve.metrics();
                await().atMost(Duration.ofSeconds(30)).until(() -> serve.metrics()
                        .samples("monitor_verdict").get("{monitor_verdict=\"UNKNOWN\"}") == 1);
                Scrape unknown = serve.metrics();
                await().atMost(Duration.ofSeconds(30)).until(() -> serve.metrics()
                        .value("monitor_snapshot_age_seconds") > unknown.value("monitor_snapshot_age_seconds"));

                for (Scrape gone : List.of(stale, unknown)) {
                    assertThat(gone.samples("monitor_service_servers")).isEqualTo(fresh.samples(
                            "monitor_service_servers"));
                    assertThat(gone.samples("monitor_service_healthy_servers")).isEqualTo(fresh.samples(
                            "monitor_service_healthy_servers"));
                    assertThat(gone.value("monitor_fetched_servers")).isEqualTo(30);
                    assertThat(gone.value("monitor_up")).isZero();
                    assertThat(gone.value("monitor_last_successful_fetch_timestamp_seconds"))
                            .isEqualTo(fresh.value("monitor_last_successful_fetch_timestamp_seconds"));
                }
                assertThat(stale.samples("monitor_verdict")).containsEntry("{monitor_verdict=\"WARNING\"}", 1.0);
                assertThat(unknown.value("monitor_snapshot_age_seconds"))
                        .isGreaterThan(stale.value("monitor_snapshot_age_seconds"));
                result = serve.stop();
            }
            assertThat(result.exitCode()).isZero();
            List<String> warnings = result.getErrorStream().stream().filter(line -> line.contains("warning")).toList();
            assertThat(warnings).as("once each: stale, then older than --max-stale").hasSize(2).allSatisfy(warning ->
                    assertThat(warning).startsWith("monitor: warning: cannot list servers at http://localhost:" + port)
                            .contains("connection refused; showing the figures fetched at ")
                            .endsWith(", trying again every 1s"));
            assertThat(warnings.get(0)).contains(", stale (WARNING)");
            assertThat(warnings.get(1)).contains(", older than --max-stale (UNKNOWN)");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** Nothing listens on port 1: ready once the first check is done, with no figures to show but which shard. */
    @Test
    void beforeAnyGoodFetchOnlyUpZeroTheVerdictAndTheShardAreShown() {
        try (ServeInProcess serve = ServeInProcess.start(launcher, "--port", "1", "--retries", "0", "--shard", "2/3",
                "--unreachable-state", "critical", "--snapshot", temp.resolve("never.json").toString())) {
            serve.awaitReady();
            Map<String, Double> samples = serve.metrics().samples();

            assertThat(samples).containsEntry("monitor_up", 0.0)
                    .containsEntry("monitor_shard_info{shard=\"2\",shards=\"3\"}", 1.0)
                    .containsEntry("monitor_verdict{monitor_verdict=\"CRITICAL\"}", 1.0)
                    .containsEntry("monitor_verdict{monitor_verdict=\"UNKNOWN\"}", 0.0);
            assertThat(samples.keySet()).noneMatch(name -> name.startsWith("monitor_service_"))
                    .noneMatch(name -> name.startsWith("monitor_fetched_servers"));
        }
    }

    @Test
    void aListenAddressOrIntervalThatCannotServeIsAUsageErrorInOneLine() {
        Map<String, String> listen = Map.of(
                "9817", "'9817': it is not HOST:PORT",
                ":9817", "':9817': it needs a host before the port",
                "::1:9817", "'::1:9817': an IPv6 address goes in brackets, as in [::1]:9817",
                "[::1]", "'[::1]': it is not HOST:PORT",
                "localhost:99999", "'localhost:99999': the port must be between 0 and 65535, not 99999",
                "localhost:http", "'localhost:http': it is not HOST:PORT",
                "http://localhost:9817", "'http://localhost:9817': it is not HOST:PORT",
                "127.0.0.1:\u0669817", "'127.0.0.1:\u0669817': it is not HOST:PORT");
        listen.forEach((address, reason) -> {
            LaunchResult result = launcher.launch("serve", "--port", String.valueOf(fast.port()), "--listen",
                    address);

            assertThat(result.exitCode()).as(address).isEqualTo(3);
            assertThat(result.getErrorStream()).as(address).hasSize(2).first().asString()
                    .startsWith("monitor: Invalid value for option '--listen': " + reason);
            assertThat(result.getErrorStream()).as(address).last()
                    .isEqualTo("Try 'monitor serve --help' for more information.");
        });
        Map<String, String> intervals = Map.of(
                "0s", "--interval must be at least 1s, not 0s: every fetch asks the cluster API for every server",
                "500ms", "--interval must be at least 1s, not 500ms: every fetch asks the cluster API for every server",
                "soon", "Invalid value for option '--interval': 'soon' is not a duration like 500ms, 5s, 2m, 1h or 30",
                "-5s", "Invalid value for option '--interval': '-5s' is not a duration like 500ms, 5s, 2m, 1h or 30",
                "2y", "Invalid value for option '--interval': '2y' is not a duration like 500ms, 5s, 2m, 1h or 30");
        int requests = fast.cluster().requestCount();
        intervals.forEach((interval, reason) -> {
            LaunchResult result = launcher.launch("serve", "--port", String.valueOf(fast.port()), "--interval",
                    interval);

            assertThat(result.exitCode()).as(interval).isEqualTo(3);
            assertThat(result.getErrorStream()).as(interval).containsExactly("monitor: " + reason,
                    "Try 'monitor serve --help' for more information.");
            assertThat(result.getOutput()).as(interval).isEmpty();
        });
        assertThat(fast.cluster().requestCount()).as("nothing fetched").isEqualTo(requests);
    }

    @Test
    void aPortInUseIsSaidInOneLine() throws IOException {
        int requests = fast.cluster().requestCount();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            LaunchResult result = launcher.launch("serve", "--port", String.valueOf(fast.port()), "--snapshot",
                    temp.resolve("taken.json").toString(), "--listen", "127.0.0.1:" + taken.getLocalPort());

            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.getErrorStream()).containsExactly("monitor: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort() + ": address already in use");
        }
        assertThat(fast.cluster().requestCount()).as("nothing fetched").isEqualTo(requests);
    }

    @Test
    void helpShowsTheDefaultsInForce() {
        // Without spaces: the help wraps its lines wherever they fit, a default's "127.0.0.1: 9817" too.
        String help = launcher.launch("serve", "--help").getOutput().replaceAll("\\s+", "");

        assertThat(help).contains("--listen=HOST:PORT", "(default:127.0.0.1:9817,thismachineonly)",
                "--interval=DURATION", "(default:30s)", "--per-server", "--shard=K/N", "--max-stale")
                .doesNotContain("--max-age", "--refresh", "--output");
    }
}
