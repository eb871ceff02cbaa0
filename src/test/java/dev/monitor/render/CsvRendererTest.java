package dev.monitor.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import dev.monitor.analysis.Report;
import dev.monitor.snapshot.Server;

/** CSV read back by a strict RFC 4180 parser: one header row, one table, quoting where a field needs it. */
class CsvRendererTest {

    @Test
    void serversAreOneRowEachWithEmptyFiguresForUnknown() throws Exception {
        List<CSVRecord> records = parse(render(true, Reports.mixed(), Section.SERVERS));

        assertThat(records.getFirst().values()).containsExactly("ip", "service", "status", "cpu", "memory", "reason");
        assertThat(records).hasSize(7);
        CSVRecord unknown = records.stream().filter(r -> r.get(0).equals("10.0.0.3")).findFirst().orElseThrow();
        assertThat(unknown.values()).containsExactly("10.0.0.3", "AuthService", "UNKNOWN", "", "", "timed out after 5s");
        CSVRecord measured = records.stream().filter(r -> r.get(0).equals("10.0.0.2")).findFirst().orElseThrow();
        assertThat(measured.values()).containsExactly("10.0.0.2", "AuthService", "Unhealthy", "95", "10", "");
    }

    @Test
    void fieldsWithCommasAndQuotesSurviveTheRoundTripAndLineBreaksAreShownAsCodes() throws Exception {
        List<CSVRecord> records = parse(render(true, Reports.of(
                new Server.Measured("10.0.0.1", "Auth, \"the\" service\r\nsecond line", 1, 2)), Section.SERVERS));

        assertThat(records).hasSize(2);
        assertThat(records.get(1).get(1)).isEqualTo("Auth, \"the\" service\\x0d\\x0asecond line");
    }

    @Test
    void textCellsASpreadsheetWouldRunAsAFormulaAreMadeTextWithAQuote() throws Exception {
        List<CSVRecord> records = parse(render(true, Reports.of(
                new Server.Measured("10.0.0.1", "=cmd|' /C calc'!A0", 1, 2),
                new Server.Measured("10.0.0.2", "+1+cmd|' /C calc'!A0", 1, 2),
                new Server.Measured("10.0.0.3", "-2+3", 1, 2),
                new Server.Measured("10.0.0.4", "@SUM(1+1)", 1, 2),
                new Server.Unknown("=HYPERLINK(\"http://example.com\")", null, "-1 is not a percentage")),
                Section.SERVERS));

        assertThat(records.stream().skip(1).map(record -> record.get(1))).containsExactlyInAnyOrder(
                "'=cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0", "'-2+3", "'@SUM(1+1)", "");
        CSVRecord unknown = records.stream().filter(r -> r.get(2).equals("UNKNOWN")).findFirst().orElseThrow();
        assertThat(unknown.get(0)).isEqualTo("'=HYPERLINK(\"http://example.com\")");
        assertThat(unknown.get(5)).isEqualTo("'-1 is not a percentage");
    }

    @Test
    void figuresStayNumbersAndOtherTextStaysAsItIsInEveryReport() throws Exception {
        Report report = Reports.of(new Server.Measured("10.0.0.1", "=1+1", 95, 10),
                new Server.Measured("10.0.0.2", "Auth=Service-1", 10, 10));

        assertThat(parse(render(false, report, Section.SERVERS)).stream().map(CSVRecord::values))
                .contains(new String[] { "10.0.0.1", "'=1+1", "Unhealthy", "95", "10", "" },
                        new String[] { "10.0.0.2", "Auth=Service-1", "Healthy", "10", "10", "" });
        assertThat(parse(render(false, report, Section.AVERAGES)).getFirst().values())
                .containsExactly("'=1+1", "1", "0", "0", "95.00", "10.00");
        assertThat(parse(render(false, report, Section.UNHEALTHY)).getFirst().values())
                .containsExactly("'=1+1", "0", "1", "0", "2", "CRITICAL", "");
    }

    @Test
    void averagesHaveTwoDecimalsAndEmptyMeansWhenNoServerAnswered() throws Exception {
        List<Server> servers = new ArrayList<>(Reports.mixed().snapshot().servers());
        servers.add(new Server.Unknown("10.0.0.20", "GeoService", "HTTP 500"));
        List<CSVRecord> records = parse(render(true, Reports.of(servers.toArray(Server[]::new)), Section.AVERAGES));

        assertThat(records.getFirst().values())
                .containsExactly("service", "servers", "healthy", "unknown", "mean_cpu", "mean_memory");
        assertThat(records.get(1).values()).containsExactly("AuthService", "4", "2", "1", "38.00", "20.00");
        assertThat(records.get(2).values()).containsExactly("GeoService", "1", "0", "1", "", "");
        assertThat(records).as("servers of no known service are in no service").hasSize(4);
    }

    @Test
    void unhealthyListsOnlyServicesBelowTheMinimum() throws Exception {
        List<CSVRecord> records = parse(render(true, Reports.mixed(), Section.UNHEALTHY));

        assertThat(records.getFirst().values())
                .containsExactly("service", "healthy", "servers", "unknown", "min_healthy", "state", "breach");
        assertThat(records).hasSize(2);
        assertThat(records.get(1).values()).containsExactly("UserService", "1", "1", "0", "2", "CRITICAL", "");
    }

    @Test
    void aBreachHeldBackByForIsListedAsWarningWithItsCount() throws Exception {
        List<CSVRecord> records = parse(render(true, Reports.heldBack(), Section.UNHEALTHY));

        assertThat(records.get(1).values()).containsExactly("UserService", "1", "1", "0", "2", "WARNING", "2");
    }

    @Test
    void noHeadersLeavesOutTheHeaderRowOnly() throws Exception {
        List<CSVRecord> records = parse(render(false, Reports.mixed(), Section.SERVERS));

        assertThat(records).hasSize(6);
        assertThat(records.getFirst().get(0)).isNotEqualTo("ip");
    }

    @Test
    void linesEndWithCrLfAsRfc4180Says() {
        String text = render(true, Reports.allHealthy(), Section.SERVERS);

        assertThat(text).endsWith("\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void twoReportsAreRefused() {
        assertThatThrownBy(() -> new CsvRenderer(true).render(Reports.mixed(),
                EnumSet.of(Section.SERVERS, Section.AVERAGES), new PrintWriter(new StringWriter())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String render(boolean headers, Report report, Section section) {
        StringWriter text = new StringWriter();
        new CsvRenderer(headers).render(report, Set.of(section), new PrintWriter(text));
        return text.toString();
    }

    @Test
    void unhealthyGivesEachServiceItsOwnMinimum() throws Exception {
        List<CSVRecord> records = parse(render(true, Reports.withOwnLevels(), Section.UNHEALTHY));

        assertThat(records).hasSize(2);
        assertThat(records.get(1).values()).as("min_healthy: its own 2, not the global 1")
                .containsExactly("UserService", "1", "1", "0", "2", "CRITICAL", "");
    }

    private static List<CSVRecord> parse(String text) throws Exception {
        try (var parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }
}
