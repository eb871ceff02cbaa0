package dev.monitor.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.monitor.testing.RequiredTool;

/**
 * What deploy/prometheus ships, checked by Prometheus' own promtool (Debian package {@code prometheus}): the
 * configuration and the rules it loads, the rules' own tests, and that the rules read only series this renderer
 * writes.
 */
@Timeout(120)
class PrometheusDeploymentTest {

    private static final Path DEPLOY = Path.of("deploy", "prometheus");

    private record Run(int exitCode, String output) {
    }

    private static Run promtool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(RequiredTool.find("promtool", "prometheus").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void theConfigurationIsValidWithTheRulesItLoadsAndScrapesThreeShards() throws Exception {
        Run check = promtool("check", "config", DEPLOY.resolve("prometheus.yml").toString());

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 1 rule files found");
        assertThat(Files.readString(DEPLOY.resolve("prometheus.yml")))
                .contains("'127.0.0.1:9817', '127.0.0.1:9818', '127.0.0.1:9819'");
    }

    @Test
    void theRulesAreValid() throws Exception {
        Run check = promtool("check", "rules", DEPLOY.resolve("rules.yml").toString());

        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    @Test
    void theRulesPassTheirTests() throws Exception {
        Run test = promtool("test", "rules", DEPLOY.resolve("rules.test.yml").toString());

        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    /** A rule over a series no monitor writes would never fire, and promtool cannot tell. */
    @Test
    void theRulesReadOnlySeriesTheRendererWrites() throws IOException {
        // Not the names of records (service:monitor_service_servers:sum): the rules make those.
        Set<String> read = names(Files.readString(DEPLOY.resolve("rules.yml")), "(?<![:\\w])(monitor_[a-z_]+)\\b");
        Set<String> written = names(JsonRendererTest.render(new PrometheusRenderer("1.2.3", false), Reports.mixed()),
                "(?m)^# TYPE (\\S+) ");
        // An info metric's series is its name and _info.
        written = written.stream().map(name -> name.equals("monitor_shard") || name.equals("monitor_build")
                ? name + "_info" : name).collect(Collectors.toCollection(TreeSet::new));

        assertThat(read).isNotEmpty().contains("monitor_service_healthy_servers", "monitor_min_healthy_servers",
                "monitor_up");
        assertThat(written).containsAll(read);
    }

    private static Set<String> names(String text, String pattern) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = Pattern.compile(pattern).matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
