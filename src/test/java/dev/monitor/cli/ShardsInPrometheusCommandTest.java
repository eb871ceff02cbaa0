package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.monitor.mock.MockCluster;
import dev.monitor.testing.Launches;
import dev.monitor.testing.MockClusterExtension;
import dev.monitor.testing.PrometheusServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * Three shards' {@code -o prometheus} of one mock cluster, each served as a scrape target, scraped by a real
 * Prometheus server that loads the shipped deploy/prometheus/rules.yml: its records add the shards up to exactly
 * what one run over the whole cluster says, and its alert holds the services below their minimum. (The exporter,
 * {@code monitor serve}, will answer those scrapes itself; the rules and the metrics are the same.)
 */
@QuarkusTest
@Timeout(180)
class ShardsInPrometheusCommandTest {

    /** Figures fixed per server by the seed, whatever the order of requests: every run sees the same cluster. */
    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(MockCluster.random(300, Duration.ZERO, 7L));

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    private LaunchResult run(String snapshot, String... args) {
        return Launches.launch(launcher, List.of("--port", String.valueOf(mock.port()), "--snapshot",
                temp.resolve(snapshot).toString()), args);
    }

    @Test
    void theShippedRulesAddThreeShardsUpToTheWholeCluster() throws Exception {
        JsonNode whole = new ObjectMapper().readTree(run("whole.json", "-o", "json").getOutput());
        Map<String, JsonNode> services = new HashMap<>();
        whole.get("services").forEach(service -> services.put(service.get("service").asText(), service));
        // A minimum that some services meet and some do not, as the whole cluster counts them.
        int minimum = services.values().stream().mapToInt(service -> service.get("healthy").asInt()).sorted()
                .skip(services.size() / 2).findFirst().orElseThrow();
        Set<String> below = new TreeSet<>();
        services.forEach((name, service) -> {
            if (service.get("healthy").asInt() < minimum) {
                below.add(name);
            }
        });
        assertThat(below).isNotEmpty().hasSizeLessThan(services.size());

        Vertx vertx = Vertx.vertx();
        try {
            List<String> targets = new ArrayList<>();
            for (int k = 1; k <= 3; k++) {
                String metrics = run("shard-" + k + ".json", "--shard", k + "/3", "-o", "prometheus",
                        "--min-healthy", String.valueOf(minimum)).getOutput() + "\n";
                HttpServer target = vertx.createHttpServer().requestHandler(request -> request.response()
                        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(metrics))
                        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
                targets.add("127.0.0.1:" + target.actualPort());
            }

            try (PrometheusServer prometheus = PrometheusServer.start(temp, targets,
                    List.of(Path.of("deploy", "prometheus", "rules.yml")))) {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    assertThat(prometheus.query("up").values()).as(prometheus::log).containsExactly(1.0, 1.0, 1.0);
                    assertThat(prometheus.queryBy("service", "service:monitor_service_servers:sum"))
                            .hasSize(services.size());
                    assertThat(prometheus.queryBy("service", "ALERTS{alertname=\"MonitorServiceBelowMinimum\"}")
                            .keySet()).isEqualTo(below);
                });

                // The rules are evaluated on their own clock: one evaluation may come before the last shard's first
                // scrape, so the sums are awaited until they hold every shard.
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    Map<String, Double> servers = prometheus.queryBy("service", "service:monitor_service_servers:sum");
                    Map<String, Double> healthy = prometheus.queryBy("service",
                            "service:monitor_service_healthy_servers:sum");
                    Map<String, Double> cpu = prometheus.queryBy("service", "service:monitor_service_cpu_ratio:mean");
                    Map<String, Double> memory = prometheus.queryBy("service",
                            "service:monitor_service_memory_ratio:mean");
                    services.forEach((name, service) -> {
                        assertThat(servers.get(name)).as(name).isEqualTo(service.get("servers").asDouble());
                        assertThat(healthy.get(name)).as(name).isEqualTo(service.get("healthy").asDouble());
                        // The JSON's means are rounded to two decimals of a percent.
                        assertThat(cpu.get(name) * 100).as(name).isCloseTo(service.get("meanCpu").asDouble(),
                                within(0.005));
                        assertThat(memory.get(name) * 100).as(name).isCloseTo(service.get("meanMemory").asDouble(),
                                within(0.005));
                    });
                    assertThat(servers.values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(300);
                });
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
