package dev.monitor.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.monitor.analysis.BreachStreaks;
import dev.monitor.analysis.Report;
import dev.monitor.analysis.Thresholds;
import dev.monitor.analysis.Unavailable;
import dev.monitor.analysis.Verdict;
import dev.monitor.render.PrometheusRenderer.Exposition;
import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Shard;
import dev.monitor.testing.RequiredTool;
import dev.monitor.testing.TestThresholds;

/**
 * The exposition text checked by Prometheus' own linter ({@code promtool check metrics}, Debian package
 * {@code prometheus}), and its samples read back to check names, values and the absence of timestamps.
 */
class PrometheusRendererTest {

    /** {@code name{labels} value}: the text format's sample line, with no timestamp after the value. */
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\"\\\\n])*\",?)*})? (\\S+)");

    @Test
    void promtoolAcceptsTheOutput() throws Exception {
        String promtool = RequiredTool.find("promtool", "prometheus").toString();
        for (String text : List.of(render(Reports.mixed()), render(Reports.allHealthy()),
                render(Reports.heldBack()), render(Reports.allHealthyUnderFor(3)), unavailable(),
                render(Reports.stale()), render(shards(3).get(1)),
                JsonRendererTest.render(new PrometheusRenderer("1.2.3", false), Reports.mixed()))) {
            Process check = new ProcessBuilder(promtool, "check", "metrics").redirectErrorStream(true).start();
            check.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            check.getOutputStream().close();
            String verdict = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as("promtool check metrics: " + verdict + "\n" + text).isZero();
            assertThat(verdict).as("promtool's lint findings").isBlank();
        }
    }

    @Test
    void everySampleIsAPlainNameLabelsValueLineWithoutTimestamp() {
        String text = render(Reports.mixed());

        for (String line : text.lines().filter(line -> !line.startsWith("#")).toList()) {
            assertThat(SAMPLE.matcher(line).matches()).as(line).isTrue();
            assertThat(line).startsWith("monitor_");
        }
    }

    @Test
    void utilisationIsARatioFromZeroToOnePerServerLabelledByIpAndService() {
        Map<String, Double> samples = samples(render(Reports.mixed()));

        assertThat(samples).containsEntry("monitor_server_cpu_ratio{ip=\"10.0.0.2\",service=\"AuthService\"}", 0.95);
        assertThat(samples).containsEntry("monitor_server_memory_ratio{ip=\"10.0.0.2\",service=\"AuthService\"}", 0.1);
        assertThat(samples).doesNotContainKey("monitor_server_cpu_ratio{ip=\"10.0.0.3\",service=\"AuthService\"}");
        assertThat(samples).containsEntry("monitor_server_reachable{ip=\"10.0.0.3\",service=\"AuthService\"}", 0.0);
        assertThat(samples).containsEntry("monitor_server_reachable{ip=\"10.0.0.2\",service=\"AuthService\"}", 1.0);
        assertThat(samples).as("no service label, whose every value could be a name the API sends")
                .containsEntry("monitor_server_reachable{ip=\"not-an-ip\"}", 0.0);
        assertThat(samples.keySet()).noneMatch(name -> name.startsWith("up"));
    }

    @Test
    void servicesVerdictBuildAndAgeAreExposed() {
        Map<String, Double> samples = samples(render(Reports.mixed()));

        assertThat(samples).containsEntry("monitor_service_healthy_servers{service=\"UserService\"}", 1.0);
        assertThat(samples).containsEntry("monitor_service_servers{service=\"AuthService\"}", 4.0);
        assertThat(samples).containsEntry("monitor_no_known_service_servers", 1.0);
        assertThat(samples.keySet()).filteredOn(name -> name.startsWith("monitor_service_servers{"))
                .as("no service for the server of no known service").hasSize(2);
        assertThat(samples).containsEntry("monitor_verdict{monitor_verdict=\"CRITICAL\"}", 1.0);
        assertThat(samples).containsEntry("monitor_verdict{monitor_verdict=\"OK\"}", 0.0);
        assertThat(samples).containsEntry("monitor_snapshot_age_seconds", 1.5);
        assertThat(samples).containsEntry("monitor_last_successful_fetch_timestamp_seconds",
                (double) Reports.FETCHED.getEpochSecond());
        assertThat(samples.keySet()).anyMatch(name -> name.startsWith("monitor_build_info{version="));
    }

    @Test
    void thePeakConcurrencyOfTheFetchIsAGaugeSayingWhatItIs() {
        String text = render(Reports.mixed());

        assertThat(samples(text)).containsEntry("monitor_fetch_peak_concurrency",
                (double) Reports.PEAK_CONCURRENCY);
        assertThat(text).contains("# HELP monitor_fetch_peak_concurrency The most requests in flight at once during"
                + " the fetch of the data shown", "# TYPE monitor_fetch_peak_concurrency gauge");
    }

    @Test
    void aBreachUnderForIsExposedWithTheFetchesItTakesToBeCritical() {
        Map<String, Double> samples = samples(render(Reports.heldBack()));

        assertThat(samples).containsEntry("monitor_service_breach_fetches{service=\"UserService\"}", 2.0);
        assertThat(samples).containsEntry("monitor_service_breach_critical_fetches{service=\"UserService\"}", 3.0);
        assertThat(samples).containsEntry("monitor_verdict{monitor_verdict=\"WARNING\"}", 1.0);
    }

    @Test
    void underForEveryServiceHasItsBreachGaugesAtZeroWithoutABreach() {
        Map<String, Double> held = samples(render(Reports.heldBack()));
        Map<String, Double> healthy = samples(render(Reports.allHealthyUnderFor(3)));

        assertThat(held).containsEntry("monitor_service_breach_fetches{service=\"AuthService\"}", 0.0);
        assertThat(held).containsEntry("monitor_service_breach_critical_fetches{service=\"AuthService\"}", 3.0);
        assertThat(healthy).as("no service below its minimum").containsEntry(
                "monitor_service_breach_fetches{service=\"AuthService\"}", 0.0);
        assertThat(healthy).containsEntry("monitor_service_breach_critical_fetches{service=\"AuthService\"}", 3.0);
    }

    /** Under --for 3 with a history that cannot be read: FlappingCommandTest, which runs the whole command. */
    @Test
    void withoutForThereAreNoBreachGauges() {
        assertThat(samples(render(Reports.mixed())).keySet()).as("--for 1").noneMatch(name -> name.contains("breach"));
        assertThat(samples(render(Reports.allHealthy())).keySet()).as("--for 1")
                .noneMatch(name -> name.contains("breach"));
    }

    @Test
    void unavailableSaysUnknownAndClaimsNoFetch() {
        Map<String, Double> samples = samples(unavailable());

        assertThat(samples).containsEntry("monitor_verdict{monitor_verdict=\"UNKNOWN\"}", 1.0);
        assertThat(samples.keySet()).noneMatch(name -> name.startsWith("monitor_last_successful_fetch")
                || name.startsWith("monitor_fetch_"));
    }

    @Test
    void hostileServiceNamesAreEscapedInLabelValues() {
        String text = render(Reports.of(new Server.Measured("10.0.0.1", "a\"b\\c\nd", 1, 1)));

        // The line break shown as its code, as every format shows it; the quote and backslash escaped as labels want.
        assertThat(samples(text)).containsKey("monitor_service_servers{service=\"a\\\"b\\\\c\\\\x0ad\"}");
    }

    @Test
    void eachServiceCarriesCountsAndSumsWhoseQuotientIsItsMean() {
        Map<String, Double> samples = samples(render(Reports.mixed()));

        // AuthService: cpu 9, 10 and 95 of three servers that answered, a fourth UNKNOWN.
        assertThat(samples).containsEntry("monitor_service_measured_servers{service=\"AuthService\"}", 3.0);
        assertThat(samples).containsEntry("monitor_service_unknown_servers{service=\"AuthService\"}", 1.0);
        assertThat(samples).containsEntry("monitor_service_summed_cpu_ratio{service=\"AuthService\"}", 1.14);
        assertThat(samples).containsEntry("monitor_service_summed_memory_ratio{service=\"AuthService\"}", 0.6);
        assertThat(samples.get("monitor_service_summed_cpu_ratio{service=\"AuthService\"}")
                / samples.get("monitor_service_measured_servers{service=\"AuthService\"}"))
                .as("the mean the table shows, 38%").isCloseTo(0.38, within(1e-9));
    }

    @Test
    void theShardsServiceSeriesAddUpToTheWholeClustersSeries() {
        Map<String, Double> whole = serviceSeries(samples(render(Reports.mixed())));
        for (int of = 2; of <= 4; of++) {
            Map<String, Double> added = new HashMap<>();
            for (Report shard : shards(of)) {
                serviceSeries(samples(render(shard))).forEach((series, value) -> added.merge(series, value, Double::sum));
            }
            assertThat(added.keySet()).as("%d shards", of).isEqualTo(whole.keySet());
            int shards = of;
            whole.forEach((series, value) -> assertThat(added.get(series)).as("%s over %d shards", series, shards)
                    .isCloseTo(value, within(1e-9)));
        }
    }

    /** The series a Prometheus rule adds up over the shards: counts and sums per service, and the run's counts. */
    private static Map<String, Double> serviceSeries(Map<String, Double> samples) {
        Map<String, Double> series = new HashMap<>(samples);
        series.keySet().removeIf(name -> !name.matches("monitor_(service_(servers|healthy_servers|unknown_servers"
                + "|measured_servers|summed_cpu_ratio|summed_memory_ratio)\\{.*|fetched_servers|unknown_servers"
                + "|no_known_service_servers)"));
        return series;
    }

    /** {@link Reports#mixed()}'s servers in {@code of} shards. */
    private static List<Report> shards(int of) {
        return IntStream.rangeClosed(1, of).mapToObj(number -> Reports.of(new Shard(number, of),
                TestThresholds.TYPICAL, BreachStreaks.AT_ONCE, null, Reports.mixed().snapshot().servers())).toList();
    }

    @Test
    void theShardIsTheLabelsOfOneInfoMetricNotOfEverySeries() {
        String text = render(shards(3).get(1));

        assertThat(samples(text)).containsEntry("monitor_shard_info{shard=\"2\",shards=\"3\"}", 1.0);
        assertThat(text.lines().filter(line -> !line.startsWith("#") && !line.startsWith("monitor_shard_info")))
                .noneMatch(line -> line.contains("shard"));
        assertThat(samples(render(Reports.mixed()))).containsEntry("monitor_shard_info{shard=\"1\",shards=\"1\"}", 1.0);
    }

    @Test
    void upSaysWhetherTheApiWasReadForTheDataShown() {
        assertThat(samples(render(Reports.mixed()))).containsEntry("monitor_up", 1.0);
        assertThat(samples(render(Reports.stale()))).as("stale: the last good figures, kept")
                .containsEntry("monitor_up", 0.0)
                .containsEntry("monitor_service_servers{service=\"AuthService\"}", 4.0);
        assertThat(samples(unavailable())).containsEntry("monitor_up", 0.0);
    }

    @Test
    void theRunsCountsLimitsAndFetchDurationAreGauges() {
        Map<String, Double> samples = samples(render(Reports.mixed()));

        assertThat(samples).containsEntry("monitor_fetched_servers", 6.0);
        assertThat(samples).containsEntry("monitor_unknown_servers", 2.0);
        assertThat(samples).containsEntry("monitor_fetch_duration_seconds", 2.5);
        assertThat(samples).containsEntry("monitor_cpu_limit_ratio", 0.8);
        assertThat(samples).containsEntry("monitor_memory_limit_ratio", 0.8);
    }

    @Test
    void perServerSeriesCanBeLeftOutAndNothingElseGoes() {
        Map<String, Double> all = samples(render(Reports.mixed()));
        Map<String, Double> lean = samples(JsonRendererTest.render(new PrometheusRenderer("1.2.3", false),
                Reports.mixed()));

        assertThat(all.keySet()).anyMatch(name -> name.startsWith("monitor_server_"));
        assertThat(lean.keySet()).noneMatch(name -> name.startsWith("monitor_server_"));
        all.keySet().removeIf(name -> name.startsWith("monitor_server_"));
        assertThat(lean).isEqualTo(all);
    }

    @Test
    void theAcceptHeaderChoosesOpenMetricsOrTheTextFormatWithTheSameSamples() {
        PrometheusRenderer renderer = new PrometheusRenderer("1.2.3");
        // What Prometheus 2.42 sends when it scrapes.
        Exposition openMetrics = renderer.expose(Reports.mixed(), "application/openmetrics-text;version=1.0.0,"
                + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
        Exposition text = renderer.expose(Reports.mixed(), "text/plain;version=0.0.4;q=0.5,*/*;q=0.1");

        assertThat(openMetrics.contentType()).startsWith("application/openmetrics-text; version=1.0.0");
        String body = new String(openMetrics.body(), StandardCharsets.UTF_8);
        assertThat(body).endsWith("# EOF\n").contains("# TYPE monitor_verdict stateset",
                "# UNIT monitor_snapshot_age_seconds seconds");
        assertThat(text.contentType()).startsWith("text/plain; version=0.0.4");
        assertThat(renderer.expose(Reports.mixed(), null).contentType()).isEqualTo(text.contentType());
        assertThat(new String(text.body(), StandardCharsets.UTF_8)).isEqualTo(render(Reports.mixed()));
        assertThat(samples(body.replace("# EOF\n", ""))).isEqualTo(samples(render(Reports.mixed())));
    }

    /** An exporter writes each outcome once per format, then picks for each scrape what expose would have written. */
    @Test
    void theExpositionsOfAnOutcomeAreWhatExposeWritesForEachAcceptHeader() {
        PrometheusRenderer renderer = new PrometheusRenderer("1.2.3", false);
        Unavailable unavailable = new Unavailable(URI.create("http://127.0.0.1:1"), new Shard(2, 3),
                TestThresholds.TYPICAL, Verdict.UNKNOWN, "shard 2/3: connection refused");
        for (String accept : Arrays.asList(null, "", "*/*", "text/plain;version=0.0.4",
                "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5",
                "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited")) {
            Exposition fromReport = renderer.expositions(Reports.mixed()).forAccept(accept);
            Exposition fromUnavailable = renderer.expositions(unavailable).forAccept(accept);

            assertThat(fromReport.contentType()).as(accept)
                    .isEqualTo(renderer.expose(Reports.mixed(), accept).contentType());
            assertThat(fromReport.body()).as(accept).isEqualTo(renderer.expose(Reports.mixed(), accept).body());
            assertThat(fromUnavailable.body()).as(accept).isEqualTo(renderer.expose(unavailable, accept).body());
        }
        assertThat(new String(renderer.expositions(unavailable).text().body(), StandardCharsets.UTF_8))
                .as("which shard could not read the API").contains("monitor_shard_info{shard=\"2\",shards=\"3\"} 1")
                .contains("monitor_up 0.0");
    }

    private static String render(dev.monitor.analysis.Report report) {
        return JsonRendererTest.render(new PrometheusRenderer("1.2.3"), report);
    }

    private static String unavailable() {
        StringWriter text = new StringWriter();
        new PrometheusRenderer("1.2.3").unavailable(new Unavailable(URI.create("http://127.0.0.1:1"),
                Shard.WHOLE, TestThresholds.TYPICAL, Verdict.UNKNOWN, "connection refused"), new PrintWriter(text));
        return text.toString();
    }

    private static Map<String, Double> samples(String text) {
        Map<String, Double> samples = new HashMap<>();
        text.lines().filter(line -> !line.startsWith("#")).forEach(line -> {
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
        });
        return samples;
    }

    @Test
    void eachServiceCarriesTheLevelsInForceForIt() {
        Map<String, Double> samples = samples(render(Reports.withOwnLevels()));

        assertThat(samples).containsEntry("monitor_min_healthy_servers{service=\"AuthService\"}", 1.0);
        assertThat(samples).containsEntry("monitor_warn_healthy_servers{service=\"AuthService\"}", 3.0);
        assertThat(samples).containsEntry("monitor_min_healthy_servers{service=\"UserService\"}", 2.0);
        assertThat(samples).containsEntry("monitor_warn_healthy_servers{service=\"UserService\"}", 2.0);
    }
}
