package dev.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.mock.MockCluster;
import dev.monitor.testing.MockClusterExtension;
import dev.monitor.testing.RequiredTool;
import dev.monitor.testing.Scrape;

/** {@code monitor serve} as users run it: the packaged artifact in its own process, stopped by SIGTERM. */
@Timeout(180)
class ServeIT {

    /** Every answer 1.5 s late: a fetch (the list, then the servers) is in flight for 3 s at least. */
    @RegisterExtension
    static MockClusterExtension slow = new MockClusterExtension(new MockCluster(50, Duration.ofMillis(1500),
            () -> 50));

    /** The packaged mock, with a service whose every server is overloaded. */
    @RegisterExtension
    static MockServerProcess overloaded = new MockServerProcess("--servers", "300", "--seed", "3", "--unhealthy",
            "GeoService");

    @TempDir
    Path temp;

    @Test
    void sigtermDuringAFetchEndsItWithZeroWithinASecondAndFreesThePort() throws Exception {
        ServeProcess serve = ServeProcess.start("--port", String.valueOf(slow.port()), "--interval", "1s",
                "--snapshot", temp.resolve("slow.json").toString());
        serve.awaitReady();
        int lists = slow.cluster().requestCount("/servers");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> slow.cluster().requestCount("/servers") > lists);

        long signalled = System.nanoTime();
        serve.process().signal("TERM");
        boolean ended = serve.process().process().waitFor(30, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - signalled);

        assertThat(ended).as(serve.process()::err).isTrue();
        assertThat(took).as("from SIGTERM to exit").isLessThan(Duration.ofSeconds(1));
        assertThat(serve.process().exitCode(Duration.ofSeconds(1))).as(serve.process()::err).isZero();
        assertThat(serve.process().err()).doesNotContain("Exception", "\tat ");
        try (ServerSocket again = new ServerSocket(serve.port(), 50, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("the port, free again").isEqualTo(serve.port());
        }
    }

    @Test
    void promtoolAcceptsAScrapeWithEveryServersSeries() throws Exception {
        String promtool = RequiredTool.find("promtool", "prometheus").toString();
        try (ServeProcess serve = ServeProcess.start("--port", String.valueOf(overloaded.port()), "--interval", "1s",
                "--per-server", "--snapshot", temp.resolve("overloaded.json").toString())) {
            serve.awaitReady();
            Scrape scrape = serve.metrics();

            assertThat(scrape.samples("monitor_server_healthy")).hasSize(300);
            assertThat(scrape.samples("monitor_service_healthy_servers"))
                    .as("--unhealthy GeoService: none of its servers healthy")
                    .containsEntry("{service=\"GeoService\"}", 0.0);
            scrape.samples("monitor_service_healthy_servers").forEach((service, healthy) -> {
                if (!service.contains("GeoService")) {
                    assertThat(healthy).as(service).isPositive();
                }
            });
            assertThat(check(promtool, scrape.body())).as(scrape.body()).isEmpty();
        }
    }

    /** What {@code promtool check metrics} says of the text: nothing, when it has nothing to say. */
    private static String check(String promtool, String text) throws IOException, InterruptedException {
        Process check = new ProcessBuilder(promtool, "check", "metrics").redirectErrorStream(true).start();
        check.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        check.getOutputStream().close();
        String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return check.exitValue() == 0 ? said.strip() : "exit " + check.exitValue() + ": " + said;
    }
}
