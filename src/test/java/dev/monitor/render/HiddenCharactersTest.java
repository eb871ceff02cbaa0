package dev.monitor.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.monitor.analysis.Report;
import dev.monitor.snapshot.Server;

/**
 * Names a hostile cluster sends with invisible or direction-changing characters, through every format: none of
 * those characters reaches the output, each is shown as its code, and no name or address looks like another.
 */
class HiddenCharactersTest {

    private static final TableStyle PLAIN = new TableStyle(false, true);

    /** Each character a name below hides, none of which may reach the output as it is. */
    private static final List<String> HIDDEN = List.of("\u202e", "\u200b", "\ufeff", "\u2028", "\u00ad", "\u2066",
            "\u2069", "\u00a0", "\u001b", "\u200d");

    /**
     * Beside the real AuthService and 10.9.0.1: a right-to-left override, a zero-width space and a trailing space
     * that would make each look like them, and other invisible characters in a name and a reason.
     */
    static Report hostile() {
        return Reports.of(
                new Server.Measured("10.9.0.1", "AuthService", 10, 10),
                new Server.Measured("10.9.0.2", "Auth\u202eService", 10, 10),
                new Server.Measured("10.9.0.3", "Auth\u200bService", 95, 10),
                new Server.Measured("10.9.0.4", "AuthService ", 10, 10),
                new Server.Unknown("10.9.0.1\u200b", null, "not an IP address, not requested"),
                new Server.Unknown("10.9.0.1 ", null, "not an IP address, not requested"),
                new Server.Measured("10.9.0.5", "\ufeffGeo\u2028Service\u00ad", 10, 10),
                new Server.Unknown("10.9.0.6", "\u2066Time\u2069\u00a0Service", "HTTP 503 \u001b[2J\u200d"));
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void everyFormatShowsEachHiddenCharacterAsItsCode(OutputFormat format) {
        String text = render(format, hostile(),
                format == OutputFormat.CSV ? EnumSet.of(Section.SERVERS) : EnumSet.allOf(Section.class));

        assertHidesNothing(text);
        // JSON and Prometheus escape a backslash as two: read back, each code is one.
        String read = text.replace("\\\\", "\\");
        assertThat(read).contains("Auth\\u202eService", "Auth\\u200bService", "AuthService\\x20", "10.9.0.1\\u200b",
                "10.9.0.1\\x20", "\\ufeffGeo\\u2028Service\\xad", "\\u2066Time\\u2069\\xa0Service");
    }

    @ParameterizedTest
    @EnumSource(value = OutputFormat.class, names = { "TABLE", "CSV" })
    void onlyTheRealAddressAndServiceReadAsThem(OutputFormat format) throws IOException {
        String text = render(format, hostile(), EnumSet.of(Section.SERVERS));

        // Each row's cells as a person reads them: what does not show, and spaces around, are not seen.
        List<List<String>> rows = format == OutputFormat.CSV
                ? CSVFormat.RFC4180.parse(new StringReader(text)).getRecords().stream()
                        .map(record -> record.stream().map(HiddenCharactersTest::asSeen).toList()).toList()
                : text.lines().map(line -> List.of(asSeen(line).split("\\s{2,}"))).toList();
        assertThat(rows.stream().filter(cells -> cells.getFirst().equals("10.9.0.1"))).hasSize(1);
        assertThat(rows.stream().filter(cells -> cells.get(1).equals("AuthService"))).hasSize(1);
    }

    private static String asSeen(String text) {
        String seen = text;
        for (String hidden : HIDDEN) {
            seen = seen.replace(hidden, "");
        }
        return seen.strip();
    }

    @Test
    void theSummaryShowsTheCodes() {
        Report report = hostile();

        assertHidesNothing(report.summary());
        assertThat(report.summary()).contains("Auth\\u200bService 0/1");
    }

    @Test
    void liveViewFramesShowTheCodes() {
        LiveView view = new LiveView(ZoneOffset.UTC);
        view.add(new LiveView.Tick(Instant.parse("2026-11-26T08:00:00Z"), hostile()));

        // As --service passes the name: shown as the cluster's names are.
        String serviceFrame = view.serviceFrame("Auth\\u202eService", Duration.ofSeconds(2), PLAIN);
        String reportFrame = view.reportFrame(EnumSet.allOf(Section.class), Duration.ofSeconds(2), PLAIN);

        assertHidesNothing(serviceFrame + reportFrame);
        assertThat(serviceFrame).startsWith("Auth\\u202eService at 08:00:00: 1 of 1 servers healthy")
                .contains("10.9.0.1\\u200b");
        assertThat(reportFrame).contains("10.9.0.1\\u200b", "\\u2066Time\\u2069\\xa0Service");
    }

    private static void assertHidesNothing(String text) {
        HIDDEN.forEach(hidden -> assertThat(text).as("U+%04X", hidden.codePointAt(0)).doesNotContain(hidden));
    }

    private static String render(OutputFormat format, Report report, Set<Section> sections) {
        StringWriter text = new StringWriter();
        format.renderer(PLAIN, false, "1.0").render(report, sections, new PrintWriter(text));
        return text.toString();
    }
}
