package dev.monitor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Prometheus server (Debian package {@code prometheus}, whose binary the tests need as they need promtool),
 * started on a free loopback port with a configuration written for the test: its targets scraped every second in
 * job {@code monitor}, rules evaluated every second, its storage in the test's folder. Started, it is ready
 * ({@code /-/ready}); {@link #close()} stops it. Its log is in {@code prometheus.log} beside its storage, and in
 * the message of a start that fails.
 */
public final class PrometheusServer implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(60);

    private final Process process;
    private final URI base;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PrometheusServer(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /**
     * @param folder  where its configuration, storage and log go (a {@code @TempDir})
     * @param targets {@code host:port} of each target, scraped at {@code /metrics}
     * @param rules   rule files to load, or none
     */
    public static PrometheusServer start(Path folder, List<String> targets, List<Path> rules) throws IOException {
        Path binary = RequiredTool.find("prometheus", "prometheus");
        Path config = folder.resolve("prometheus.yml");
        // JSON is YAML: no hand-written quoting of paths and addresses.
        Map<String, Object> configuration = Map.of(
                "global", Map.of("scrape_interval", "1s", "scrape_timeout", "1s", "evaluation_interval", "1s"),
                "rule_files", rules.stream().map(rule -> rule.toAbsolutePath().toString()).toList(),
                "scrape_configs", List.of(Map.of("job_name", "monitor",
                        "static_configs", List.of(Map.of("targets", targets)))));
        Files.writeString(config, new ObjectMapper().writeValueAsString(configuration));
        int port = FreePort.any();
        Path log = folder.resolve("prometheus.log");
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + folder.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port), log);
        try {
            Awaitility.await("Prometheus ready on port " + port).atMost(START).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        assertThat(process.isAlive()).as(() -> "Prometheus is running; its log:\n" + server.log())
                                .isTrue();
                        return server.ready();
                    });
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }


    private boolean ready() {
        try {
            return get("/-/ready").statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private HttpResponse<String> get(String path) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * The instant vector a query gives now, each sample by its labels ({@code __name__} too, when it has one).
     *
     * @throws AssertionError when Prometheus refuses the query
     */
    public Map<Map<String, String>, Double> query(String promql) {
        try {
            HttpResponse<String> answer = get("/api/v1/query?query=" + URLEncoder.encode(promql,
                    StandardCharsets.UTF_8));
            JsonNode body = new ObjectMapper().readTree(answer.body());
            assertThat(body.path("status").asText()).as("%s: %s", promql, answer.body()).isEqualTo("success");
            Map<Map<String, String>, Double> samples = new HashMap<>();
            for (JsonNode sample : body.path("data").path("result")) {
                Map<String, String> labels = new TreeMap<>();
                sample.path("metric").properties().forEach(label -> labels.put(label.getKey(),
                        label.getValue().asText()));
                samples.put(labels, Double.parseDouble(sample.path("value").get(1).asText()));
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The query's samples by the value of one label: {@code service} to its value. */
    public Map<String, Double> queryBy(String label, String promql) {
        return query(promql).entrySet().stream()
                .collect(Collectors.toMap(sample -> sample.getKey().get(label), Map.Entry::getValue));
    }

    /** What Prometheus wrote so far, for a failure's message. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, as a service manager stops it; killed if it has not stopped in 10 seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
