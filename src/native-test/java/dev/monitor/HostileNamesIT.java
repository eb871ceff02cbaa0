package dev.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.mock.Fault;
import dev.monitor.mock.FaultPlan;
import dev.monitor.mock.MockFleet;

/**
 * The packaged artifact against {@code monitor mock-server --faults invisible,formula,lookalike}, each in its own
 * process: service names with a zero-width space or a right-to-left override, and entries that look like
 * 10.58.1.1, are shown with their codes in {@code -o csv} and {@code -o table}; a formula is text in CSV.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HostileNamesIT {

    private static final String FAULTS = "invisible:2,formula:1,lookalike";

    @RegisterExtension
    static MockServerProcess mock = new MockServerProcess("--servers", "150", "--faults", FAULTS);

    /** The servers the faults hit, as the mock picks them: the same plan over the same fleet. */
    private static final FaultPlan PLAN = FaultPlan.parse(FAULTS, new MockFleet(150));

    private static final List<String> HIDDEN = List.of("\u200b", "\u202e", "\ufeff", "\u00a0");

    @TempDir
    Path temp;

    private ArtifactRun run(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--port", String.valueOf(mock.port()), "--snapshot",
                temp.resolve("snapshot.json").toString(), "--printservers"));
        all.addAll(List.of(args));
        return ArtifactRun.of(temp, Map.of(), all.toArray(String[]::new));
    }

    @Test
    void csvShowsZeroWidthAndBidiCharactersAsCodesAndAFormulaAsText() throws Exception {
        ArtifactRun run = run("-o", "csv");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        HIDDEN.forEach(hidden -> assertThat(run.out() + run.err()).doesNotContain(hidden));
        List<CSVRecord> rows;
        try (var parser = CSVFormat.RFC4180.parse(new StringReader(run.out()))) {
            rows = parser.getRecords();
        }
        String zeroWidth = PLAN.hits(Fault.INVISIBLE).get(0);
        String override = PLAN.hits(Fault.INVISIBLE).get(1);
        assertThat(serviceOf(rows, zeroWidth)).isEqualTo(
                MockFleet.serviceOf(zeroWidth).substring(0, 4) + "\\u200b" + MockFleet.serviceOf(zeroWidth).substring(4));
        assertThat(serviceOf(rows, override)).isEqualTo("\\u202e" + MockFleet.serviceOf(override));
        assertThat(serviceOf(rows, PLAN.hits(Fault.FORMULA).getFirst())).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(rows.stream().map(row -> row.get(0))).contains("10.58.1.1\\u200b", "10.58.1.1\\x20",
                "\\u202e10.58.1.1").containsOnlyOnce("10.58.1.1");
    }

    @Test
    void theTableShowsZeroWidthAndBidiCharactersAsCodes() throws Exception {
        ArtifactRun run = run("-o", "table", "--no-color");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        HIDDEN.forEach(hidden -> assertThat(run.out() + run.err()).doesNotContain(hidden));
        String override = PLAN.hits(Fault.INVISIBLE).get(1);
        assertThat(run.out()).contains("\\u202e" + MockFleet.serviceOf(override), " 10.58.1.1\\u200b ",
                " \\ufeff10.58.1.1 ");
        assertThat(run.out().lines().filter(line -> line.startsWith(" 10.58.1.1 "))).as("the real one only")
                .hasSize(1);
        assertThat(run.err()).startsWith("monitor: CRITICAL: ");
    }

    private static String serviceOf(List<CSVRecord> rows, String ip) {
        return rows.stream().filter(row -> row.get(0).equals(ip)).findFirst().orElseThrow().get(1);
    }
}
