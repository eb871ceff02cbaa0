package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.monitor.mock.Fault;
import dev.monitor.mock.MockFleet;
import dev.monitor.testing.Launches;
import dev.monitor.testing.MockClusterExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * The command against the mock over a real socket, its servers naming their services with invisible and
 * direction-changing characters and as spreadsheet formulas, and its list holding entries that look like
 * 10.58.1.1: every format shows each hidden character as its code, and CSV makes a formula text.
 */
@QuarkusTest
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class HostileNamesCommandTest {

    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(150, 50, "invisible:8,formula:5,lookalike");

    /** Each character the mock hides in a name or an entry, none of which may reach the output as it is. */
    private static final List<String> HIDDEN = List.of("\u200b", "\u202e", "\ufeff", "\u2028", "\u00ad", "\u2066",
            "\u2069", "\u00a0");

    /** How the {@code invisible} fault's servers name their services, in turn, as monitor shows them. */
    private static final List<UnaryOperator<String>> SHOWN_INVISIBLE = List.of(
            s -> s.substring(0, 4) + "\\u200b" + s.substring(4), s -> "\\u202e" + s, s -> s + "\\x20",
            s -> "\\ufeff" + s, s -> s + "\\u2028", s -> s.substring(0, 4) + "\\xad" + s.substring(4),
            s -> "\\u2066" + s + "\\u2069", s -> s + "\\xa0");

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    private LaunchResult run(String... args) {
        return Launches.launch(launcher, List.of("--port", String.valueOf(mock.port()), "--snapshot",
                temp.resolve("snapshot.json").toString()), args);
    }

    private static List<CSVRecord> csv(String text) throws Exception {
        try (var parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }

    @Test
    void csvShowsEachHiddenCharacterAsItsCodeAndMakesFormulasText() throws Exception {
        LaunchResult result = run("--printservers", "-o", "csv");

        HIDDEN.forEach(hidden -> assertThat(result.getOutput()).doesNotContain(hidden));
        Map<String, String> serviceByIp = csv(result.getOutput()).stream().skip(1)
                .collect(Collectors.toMap(row -> row.get(0), row -> row.get(1)));
        List<String> invisible = mock.cluster().faults().hits(Fault.INVISIBLE);
        for (int i = 0; i < invisible.size(); i++) {
            String ip = invisible.get(i);
            assertThat(serviceByIp.get(ip)).as(ip).isEqualTo(SHOWN_INVISIBLE.get(i).apply(MockFleet.serviceOf(ip)));
        }
        assertThat(mock.cluster().faults().hits(Fault.FORMULA).stream().map(serviceByIp::get)).containsExactly(
                "'=cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0",
                "'@SUM(1+1)*cmd|' /C calc'!A0", "'=HYPERLINK(\"http://example.com\",\"AuthService\")");
    }

    @Test
    void entriesThatLookLikeAnAddressAreUnknownRowsShownWithTheirCodesAndNeverRequested()
            throws Exception {
        LaunchResult result = run("--printservers", "-o", "csv");

        List<CSVRecord> rows = csv(result.getOutput());
        for (String shown : List.of("10.58.1.1\\u200b", "10.58.1.1\\x20", "\\x2010.58.1.1", "\\u202e10.58.1.1",
                "10.58.1.1\\xa0", "\\ufeff10.58.1.1")) {
            assertThat(rows).as(shown).filteredOn(row -> row.get(0).equals(shown)).singleElement()
                    .satisfies(row -> assertThat(row.values()).endsWith("UNKNOWN", "", "",
                            "not an IP address, not requested"));
        }
        assertThat(rows).as("one row reads as 10.58.1.1: its own").filteredOn(row -> row.get(0).equals("10.58.1.1"))
                .hasSize(1);
        assertThat(mock.cluster().strayPaths()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "table", "json", "prometheus", "nagios" })
    void everyOtherFormatAndTheSummaryShowTheCodes(String format) {
        LaunchResult result = run("--printservers", "--avg", "--unhealthyservices", "-o", format);

        assertThat(result.exitCode()).as("one-server services below 2 healthy").isEqualTo(2);
        String shown = result.getOutput() + result.getErrorOutput();
        HIDDEN.forEach(hidden -> assertThat(shown).as("U+%04X", hidden.codePointAt(0)).doesNotContain(hidden));
        // JSON and Prometheus escape a backslash as two: read back, each code is one.
        String ip = mock.cluster().faults().hits(Fault.INVISIBLE).get(1);
        assertThat(result.getOutput().replace("\\\\", "\\")).contains("\\u202e" + MockFleet.serviceOf(ip),
                "10.58.1.1\\u200b", "\\x2010.58.1.1");
        assertThat(result.getErrorOutput()).as("13 one-server services: five named")
                .startsWith("monitor: CRITICAL: 13 of 23 services below 2 healthy: ").contains(" and 8 more");
    }

    @Test
    void aServiceNamedAsItIsShownOrPastedWithItsHiddenCharacterIsTheClustersService() {
        List<String> invisible = mock.cluster().faults().hits(Fault.INVISIBLE);
        String pasted = "\u202e" + MockFleet.serviceOf(invisible.get(1));
        String typed = SHOWN_INVISIBLE.getFirst().apply(MockFleet.serviceOf(invisible.getFirst()));

        LaunchResult result = run("--min-healthy", "1", "--expect-service", pasted, "--expect-service", typed,
                "--unhealthyservices");

        assertThat(result.getOutput() + result.getErrorOutput()).doesNotContain("missing");
        assertThat(result.exitCode()).as("every service has its one healthy server; the lookalikes are UNKNOWN")
                .isEqualTo(1);
    }
}
