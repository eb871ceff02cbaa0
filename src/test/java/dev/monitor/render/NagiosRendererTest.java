package dev.monitor.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.monitor.analysis.Report;
import dev.monitor.analysis.Thresholds;
import dev.monitor.analysis.Verdict;
import dev.monitor.snapshot.Server;

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
        new NagiosRenderer().unavailable(new Unavailable(URI.create("http://127.0.0.1:1"), Thresholds.DEFAULTS,
                Verdict.UNKNOWN, "cannot list servers: connection refused"), new PrintWriter(text));
        PluginOutput output = PluginOutput.parse(text.toString());

        assertThat(output.state()).isEqualTo("UNKNOWN");
        assertThat(output.text()).isEqualTo("cannot list servers: connection refused");
        assertThat(output.perfdata()).isEmpty();
    }

    @Test
    void namesWithQuotesPipesAndLineBreaksCannotBreakTheFormat() {
        PluginOutput output = PluginOutput.parse(render(Reports.of(
                new Server.Measured("10.0.0.1", "it's|a=b\nc", 99, 99))));

        assertThat(output.perfdata()).containsKey("it_s/a_b?c healthy");
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
