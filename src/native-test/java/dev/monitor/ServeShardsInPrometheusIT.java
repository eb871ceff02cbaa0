package dev.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.mock.MockCluster;
import dev.monitor.testing.ExpectedFleet;
import dev.monitor.testing.MockClusterExtension;
import dev.monitor.testing.PrometheusServer;

/**
 * The deployment issue 15 describes, whole: a cluster API of 10,000 servers, three packaged {@code monitor serve
 * --shard k/3}, and a real Prometheus server scraping them every second with the shipped deploy/prometheus/rules.yml.
 * What Prometheus adds up is held against {@link ExpectedFleet}, worked out apart from the mock and from monitor.
 */
@Timeout(120)
class ServeShardsInPrometheusIT {

    private static final int SERVERS = 10_000;
    private static final long SEED = 7;
    /** README's default limit on cpu and memory, and its default minimum of healthy servers. */
    private static final int LIMIT = 80;
    private static final int MINIMUM = 2;

    /** In this JVM, so that the test can break a service while the shards fetch from it. */
    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(MockCluster.random(SERVERS, Duration.ZERO, SEED));

    @TempDir
    Path temp;

    @Test
    void threeShardsAddUpToEveryServerOnceAndAServiceMadeUnhealthyDropsBelowTheMinimum() throws Exception {
        ExpectedFleet fleet = ExpectedFleet.seeded(SERVERS, SEED);
        Map<String, Double> servers = fleet.addresses().stream().collect(Collectors.groupingBy(
                ExpectedFleet::service, TreeMap::new, Collectors.summingDouble(address -> 1)));
        Map<String, Double> healthy = new TreeMap<>();
        fleet.healthyByService(LIMIT).forEach((service, count) -> healthy.put(service, count.doubleValue()));
        String broken = "GeoService";
        assertThat(healthy.get(broken)).as("healthy before it is broken").isGreaterThanOrEqualTo(MINIMUM);

        List<ServeProcess> shards = new ArrayList<>();
        try {
            for (int k = 1; k <= 3; k++) {
                // A fetch every 10 s: each fetches a third of 10,000 servers, and a fetch sooner is only more CPU.
                shards.add(ServeProcess.start("--port", String.valueOf(mock.port()), "--shard", k + "/3",
                        "--interval", "10s", "--snapshot", temp.resolve("shard-" + k + ".json").toString()));
            }
            try (PrometheusServer prometheus = PrometheusServer.start(temp,
                    shards.stream().map(ServeProcess::target).toList(),
                    List.of(Path.of("deploy", "prometheus", "rules.yml")))) {
                // The rules run on their own clock: awaited until an evaluation has every shard's scrape.
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    assertThat(prometheus.query("up").values()).as(prometheus::log).containsExactly(1.0, 1.0, 1.0);
                    assertThat(prometheus.queryBy("service", "sum by (service) (monitor_service_servers)"))
                            .as("no server counted twice, none missed").isEqualTo(servers);
                    assertThat(prometheus.queryBy("service", "service:monitor_service_servers:sum"))
                            .isEqualTo(servers);
                    assertThat(prometheus.queryBy("service", "service:monitor_service_healthy_servers:sum"))
                            .isEqualTo(healthy);
                });

                mock.cluster().makeUnhealthy(broken);

                Map<String, Double> after = new TreeMap<>(healthy);
                after.put(broken, 0.0);
                await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    Map<String, Double> now = prometheus.queryBy("service",
                            "service:monitor_service_healthy_servers:sum");
                    assertThat(now.get(broken)).as("%s after it broke", broken).isLessThan(MINIMUM);
                    assertThat(now).as("the others as they were").isEqualTo(after);
                });
                assertThat(prometheus.queryBy("service", "service:monitor_service_servers:sum"))
                        .as("its servers still counted").isEqualTo(servers);
            }
        } finally {
            for (ServeProcess shard : shards) {
                shard.close();
            }
        }
    }
}
