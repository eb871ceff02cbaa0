package dev.monitor.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.analysis.Report;
import dev.monitor.render.PrometheusRenderer.Exposition;
import dev.monitor.testing.PrometheusServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;

/**
 * A real Prometheus server scrapes the renderer over HTTP, as it will scrape the exporter: it chooses the format
 * with its Accept header, and every sample the text format holds reaches its storage with the same value.
 */
@Timeout(120)
class PrometheusScrapeTest {

    /** {@code name{a="x",b="y"} value}, with no escaped quote in the values (none in the report scraped). */
    private static final Pattern SAMPLE = Pattern.compile("([a-z_]+)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");

    @TempDir
    Path temp;

    @Test
    void prometheusAsksForOpenMetricsAndStoresEverySampleAsTheTextFormatHasIt() throws Exception {
        Report report = Reports.mixed();
        PrometheusRenderer renderer = new PrometheusRenderer("1.2.3");
        List<String> accepted = new CopyOnWriteArrayList<>();
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer target = vertx.createHttpServer().requestHandler(request -> {
                accepted.add(String.valueOf(request.getHeader("Accept")));
                Exposition metrics = renderer.expose(report, request.getHeader("Accept"));
                request.response().putHeader("Content-Type", metrics.contentType())
                        .end(Buffer.buffer(metrics.body()));
            }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
            Map<String, Double> expected = samples(JsonRendererTest.render(renderer, report));

            try (PrometheusServer prometheus = PrometheusServer.start(temp, List.of("127.0.0.1:" + target.actualPort()),
                    List.of())) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> !prometheus.query("monitor_up").isEmpty());

                assertThat(prometheus.query("up").values()).as(prometheus::log).containsExactly(1.0);
                assertThat(stored(prometheus.query("{job=\"monitor\",__name__=~\"monitor_.+\"}")))
                        .isEqualTo(expected);
            }
            assertThat(accepted).isNotEmpty().allMatch(accept -> accept.startsWith("application/openmetrics-text"));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** The text format's samples, by name and labels in name order. */
    private static Map<String, Double> samples(String text) {
        return text.lines().filter(line -> !line.startsWith("#")).map(SAMPLE::matcher).filter(Matcher::matches)
                .collect(Collectors.toMap(sample -> key(sample.group(1), labels(sample.group(2))),
                        sample -> Double.parseDouble(sample.group(3))));
    }

    private static Map<String, String> labels(String written) {
        Map<String, String> labels = new TreeMap<>();
        if (written != null) {
            Matcher label = LABEL.matcher(written);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return labels;
    }

    /** What Prometheus stored, less the labels it adds to every sample it scrapes. */
    private static Map<String, Double> stored(Map<Map<String, String>, Double> samples) {
        return samples.entrySet().stream().collect(Collectors.toMap(sample -> {
            Map<String, String> labels = new TreeMap<>(sample.getKey());
            String name = labels.remove("__name__");
            labels.remove("job");
            labels.remove("instance");
            return key(name, labels);
        }, Map.Entry::getValue));
    }

    private static String key(String name, Map<String, String> labels) {
        return name + labels;
    }
}
