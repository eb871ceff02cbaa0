package dev.monitor.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.monitor.analysis.HealthyLevel;
import dev.monitor.analysis.Report;
import dev.monitor.analysis.ServiceHealth;
import dev.monitor.analysis.Unavailable;
import dev.monitor.analysis.Verdict;
import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Shard;
import dev.monitor.testing.TestThresholds;

/** The plugin output read by a strict parser of the monitoring-plugins guidelines' grammar. */
class NagiosRendererTest {

    @Test
    void statusLineNamesTheVerdictAndSummary() {
        PluginOutput output = PluginOutput.parse(render(Reports.mixed()));

        assertThat(output.state()).isEqualTo("CRITICAL");
        assertThat(output.text()).contains("1 of 2 services below 2 healthy: UserService 1/1");
    }

    @Test
    void perfdataHasEachServicesHealthyCountWithTheMinimumAsCriticalRange() {
        Map<String, Perf> perf = PluginOutput.parse(render(Reports.mixed())).perfdata();

        assertThat(perf.get("AuthService healthy")).isEqualTo(new Perf("AuthService healthy", "2", "", "", "2:", "0", "4"));
        assertThat(perf.get("UserService healthy")).isEqualTo(new Perf("UserService healthy", "1", "", "", "2:", "0", "1"));
        assertThat(perf.get("unknown servers")).isEqualTo(new Perf("unknown servers", "2", "", "0", "", "0", "6"));
        assertThat(perf.get("servers of no known service"))
                .isEqualTo(new Perf("servers of no known service", "1", "", "0", "", "0", "6"));
        assertThat(perf.keySet()).as("no service for the server of no known service").containsExactlyInAnyOrder(
                "AuthService healthy", "UserService healthy", "unknown servers", "servers of no known service",
                "mean cpu", "mean memory");
    }

    @Test
    void perfdataHasMeanCpuAndMemoryInPercent() {
        Map<String, Perf> perf = PluginOutput.parse(render(Reports.mixed())).perfdata();

        assertThat(perf.get("mean cpu")).isEqualTo(new Perf("mean cpu", "41.00", "%", "", "", "0", "100"));
        assertThat(perf.get("mean memory")).isEqualTo(new Perf("mean memory", "27.50", "%", "", "", "0", "100"));
    }

    @Test
    void longOutputNamesTheFailingServicesAndServers() {
        PluginOutput output = PluginOutput.parse(render(Reports.mixed()));

        assertThat(output.longOutput()).contains(
                "CRITICAL: UserService has 1 of 1 servers healthy, minimum 2",
                "UNKNOWN: 10.0.0.3 (AuthService): timed out after 5s",
                "UNKNOWN: not-an-ip: not an IP address, not requested");
        assertThat(output.longOutput()).as("an unhealthy server of a service that meets its minimum is no failure")
                .noneMatch(line -> line.contains("10.0.0.2"));
    }

    @Test
    void aBreachHeldBackByForIsAWarningThatSaysHowFarItIsFromCritical() {
        PluginOutput output = PluginOutput.parse(render(Reports.heldBack()));

        assertThat(output.state()).isEqualTo("WARNING");
        assertThat(output.text()).contains("1 of 2 services below 2 healthy, breach 2 of 3: UserService 1/1");
        assertThat(output.longOutput()).contains("WARNING: UserService has 1 of 1 servers healthy, minimum 2, "
                + "breach 2 of 3");
    }

    @Test
    void okRunHasNoLongOutput() {
        PluginOutput output = PluginOutput.parse(render(Reports.allHealthy()));

        assertThat(output.state()).isEqualTo("OK");
        assertThat(output.longOutput()).isEmpty();
    }

    @Test
    void unavailableIsStillOneUnknownStatusLine() {
        StringWriter text = new StringWriter();
        new NagiosRenderer().unavailable(new Unavailable(URI.create("http://127.0.0.1:1"), Shard.WHOLE,
                TestThresholds.TYPICAL, Verdict.UNKNOWN, "cannot list servers: connection refused"),
                new PrintWriter(text));
        PluginOutput output = PluginOutput.parse(text.toString());

        assertThat(output.state()).isEqualTo("UNKNOWN");
        assertThat(output.text()).isEqualTo("cannot list servers: connection refused");
        assertThat(output.perfdata()).isEmpty();
    }

    @Test
    void namesWithQuotesPipesAndLineBreaksCannotBreakTheFormat() {
        PluginOutput output = PluginOutput.parse(render(Reports.of(
                new Server.Measured("10.0.0.1", "it's|a=b\nc", 99, 99))));

        assertThat(output.perfdata()).containsKey("it_s/a_b\\x0ac healthy");
        assertThat(output.longOutput()).allMatch(line -> !line.contains("|"));
    }

    @Test
    void aServiceWithItsOwnLevelsCarriesThemAsItsRanges() {
        PluginOutput output = PluginOutput.parse(render(Reports.withOwnLevels()));

        assertThat(output.state()).isEqualTo("CRITICAL");
        assertThat(output.text()).startsWith("1 of 2 services below their minimum: UserService 1/1 (minimum 2); "
                + "1 of 2 services below their warning level: AuthService 2/4 (warning level 3)");
        assertThat(output.perfdata().get("AuthService healthy"))
                .as("a warning range of its own, though no global --warn-healthy")
                .isEqualTo(new Perf("AuthService healthy", "2", "", "3:", "1:", "0", "4"));
        assertThat(output.perfdata().get("UserService healthy"))
                .isEqualTo(new Perf("UserService healthy", "1", "", "", "2:", "0", "1"));
        assertThat(output.longOutput()).contains("CRITICAL: UserService has 1 of 1 servers healthy, minimum 2");
    }

    @Test
    void aHundredThousandServicesFitNagiosLimitsAndThePerfdataThatFitsIsOfTheFailingOnes() {
        // 37,621 of 100,000 one-server services have no healthy server, their names spread over the order.
        Server[] servers = IntStream.range(0, 100_000).mapToObj(i -> new Server.Measured(
                "10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255),
                "Service" + String.format("%05d", i * 7919L % 100_000), i < 37_621 ? 99 : 10, 10))
                .toArray(Server[]::new);
        Report report = Reports.of(TestThresholds.typical().withMinHealthy(new HealthyLevel.Count(1)).thresholds(),
                servers);

        String text = render(report);
        PluginOutput output = PluginOutput.parse(text);

        assertThat(bytes(text.lines().findFirst().orElseThrow() + "\n")).as("status line").isLessThan(4096);
        assertThat(bytes(text)).as("whole output").isLessThan(8192);
        List<String> failing = report.unhealthyServices().stream().map(ServiceHealth::service).toList();
        assertThat(output.state()).isEqualTo("CRITICAL");
        assertThat(output.text()).isEqualTo("37621 of 100000 services below 1 healthy: "
                + failing.stream().limit(5).map(name -> name + " 0/1").collect(Collectors.joining(", "))
                + " and 37616 more");
        assertThat(output.perfdata()).containsKeys("unknown servers", "mean cpu", "mean memory").hasSizeGreaterThan(20);
        assertThat(output.perfdata().keySet().stream().filter(label -> label.endsWith(" healthy")))
                .as("the failing services' labels first").allMatch(label -> failing.contains(label.replace(" healthy", "")));
        assertThat(output.longOutput().getFirst()).startsWith("CRITICAL: " + failing.getFirst() + " has 0 of 1");
        assertThat(output.longOutput()).as("what was left out, said").last()
                .isEqualTo("Perfdata: " + output.perfdata().size() + " of 100003 labels, the overall ones and those of "
                        + "the failing services first; the rest are left out to fit Nagios' status line");
        assertThat(output.longOutput().get(output.longOutput().size() - 2))
                .matches("\\.\\.\\. and \\d+ more lines, left out to fit Nagios' output \\(-o json has them all\\)");
    }

    @Test
    void longNamesOfManyBytesAreCutWholeAndTheStatusLineStillFitsAndParses() {
        Server[] servers = IntStream.range(0, 10)
                .mapToObj(i -> new Server.Measured("10.0.0." + i, i + "認".repeat(300), 99, 99)).toArray(Server[]::new);

        String text = render(Reports.of(servers));
        PluginOutput output = PluginOutput.parse(text);

        assertThat(bytes(text.lines().findFirst().orElseThrow() + "\n")).isLessThan(4096);
        assertThat(bytes(text)).isLessThan(8192);
        assertThat(output.text()).startsWith("10 of 10 services below 2 healthy: 0認").endsWith("…");
        assertThat(output.perfdata().keySet()).as("whole labels only").allMatch(label -> label.endsWith(" healthy")
                ? label.matches("\\d認+…? healthy") : List.of("unknown servers", "mean cpu", "mean memory").contains(label));
    }

    @Test
    void anUnavailableReasonOfAnyLengthIsCutToFitTheStatusLine() {
        StringWriter text = new StringWriter();
        new NagiosRenderer().unavailable(new Unavailable(URI.create("http://127.0.0.1:1"), Shard.WHOLE,
                TestThresholds.TYPICAL, Verdict.UNKNOWN,
                "no server listed answered: " + "HTTP 503 (Retry-After x), ".repeat(2000)), new PrintWriter(text));

        assertThat(bytes(text.toString())).isLessThan(4096);
        assertThat(PluginOutput.parse(text.toString()).text()).startsWith("no server listed answered: HTTP 503")
                .endsWith("…");
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String render(Report report) {
        return JsonRendererTest.render(new NagiosRenderer(), report);
    }

    /** One perfdata item: {@code 'label'=value[UOM];[warn];[crit];[min];[max]}. */
    record Perf(String label, String value, String unit, String warning, String critical, String min, String max) {
    }

    /**
     * A strict reading of the guidelines: {@code MONITOR STATE - text | perfdata} first, long output after.
     * Every perfdata item must parse, or the test fails.
     */
    record PluginOutput(String state, String text, Map<String, Perf> perfdata, List<String> longOutput) {

        private static final Pattern STATUS = Pattern.compile("MONITOR (OK|WARNING|CRITICAL|UNKNOWN) - ([^|]+?)(?: \\| (.*))?");
        private static final String NUMBER = "-?\\d+(?:\\.\\d+)?";
        private static final String RANGE = "(?:@?(?:~|" + NUMBER + ")?:?(?:" + NUMBER + ")?)?";
        private static final Pattern ITEM = Pattern.compile("(?:'((?:[^'=]|'')+)'|([^'= ]+))=(" + NUMBER
                + "|U)(s|ms|us|%|B|KB|MB|TB|c)?;(" + RANGE + ");(" + RANGE + ");(" + NUMBER + ")?;(" + NUMBER
                + ")?(?= |$)");

        static PluginOutput parse(String output) {
            List<String> lines = output.lines().toList();
            Matcher status = STATUS.matcher(lines.getFirst());
            assertThat(status.matches()).as("status line: " + lines.getFirst()).isTrue();
            Map<String, Perf> perfdata = new LinkedHashMap<>();
            String items = status.group(3) == null ? "" : status.group(3);
            Matcher item = ITEM.matcher(items);
            int at = 0;
            while (at < items.length()) {
                assertThat(item.find(at) && item.start() == at).as("perfdata item at: " + items.substring(at)).isTrue();
                String label = item.group(1) != null ? item.group(1).replace("''", "'") : item.group(2);
                perfdata.put(label, new Perf(label, item.group(3), item.group(4) == null ? "" : item.group(4),
                        item.group(5), item.group(6), item.group(7), item.group(8)));
                at = item.end();
                if (at < items.length()) {
                    assertThat(items.charAt(at)).as("items are separated by one space").isEqualTo(' ');
                    at++;
                }
            }
            return new PluginOutput(status.group(1), status.group(2), perfdata,
                    new ArrayList<>(lines.subList(1, lines.size())));
        }
    }
}
