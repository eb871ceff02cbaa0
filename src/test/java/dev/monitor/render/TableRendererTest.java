package dev.monitor.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.monitor.analysis.HealthyLevel;
import dev.monitor.analysis.ServiceLevels;
import dev.monitor.analysis.Thresholds;
import dev.monitor.snapshot.Server;
import dev.monitor.testing.TestThresholds;

/** The table for people: status colours only when asked for, and no headers for scripts. */
class TableRendererTest {

    private static final TableStyle PLAIN = new TableStyle(false, true);

    private static final String ESC = "\u001B[";

    @Test
    void colouredTablePaintsEachStatusInItsColour() {
        String text = JsonRendererTest.render(new TableRenderer(new TableStyle(true, true)), Reports.mixed());

        assertThat(text).contains(ESC + "32mHealthy").contains(ESC + "31mUnhealthy").contains(ESC + "33mUNKNOWN");
    }

    @Test
    void plainTableHasNoEscapeCodes() {
        String text = JsonRendererTest.render(new TableRenderer(PLAIN), Reports.mixed());

        assertThat(text).doesNotContain("\u001B").contains("Healthy", "Unhealthy", "UNKNOWN");
    }

    @Test
    void noLineEndsInSpaces() {
        for (TableStyle style : List.of(PLAIN, new TableStyle(true, true))) {
            String text = JsonRendererTest.render(new TableRenderer(style), Reports.mixed());

            assertThat(text.lines()).as("every report, coloured or not").isNotEmpty()
                    .noneMatch(line -> line.endsWith(" "));
        }
    }

    @Test
    void colourDoesNotShiftTheColumns() {
        List<String> plain = new TableRenderer(PLAIN).servers(Reports.mixed().rows()).lines().toList();
        List<String> coloured = new TableRenderer(new TableStyle(true, true)).servers(Reports.mixed().rows())
                .lines().map(line -> line.replaceAll("\u001B\\[\\d+m", "")).toList();

        assertThat(coloured).isEqualTo(plain);
    }

    @Test
    void noHeadersLeavesOnlyTheDataRows() {
        String text = JsonRendererTest.render(new TableRenderer(new TableStyle(false, false)), Reports.mixed());

        assertThat(text.lines()).noneMatch(line -> line.contains("SERVICE") || line.contains("STATUS")
                || line.contains("AVG CPU") || line.startsWith("Services with fewer"));
        assertThat(new TableRenderer(new TableStyle(false, false)).servers(Reports.mixed().rows()).lines())
                .hasSize(6);
    }

    @Test
    void aBreachHeldBackByForIsListedAsWarningWithHowFarItIsFromCritical() {
        String text = JsonRendererTest.render(new TableRenderer(PLAIN), Reports.heldBack());

        assertThat(text.lines().filter(line -> line.startsWith(" UserService")).toList())
                .anySatisfy(line -> assertThat(line.strip().split("\\s{2,}")).containsSubsequence("UserService",
                        "WARNING (breach 2 of 3)"));
    }

    @Test
    void onlyTheAskedSectionsArePrinted() {
        java.io.StringWriter text = new java.io.StringWriter();
        new TableRenderer(PLAIN).render(Reports.mixed(), EnumSet.of(Section.AVERAGES),
                new java.io.PrintWriter(text));

        assertThat(text.toString()).contains("AVG CPU").doesNotContain("10.0.0.2");
    }

    @Test
    void servicesWithOwnLevelsAreListedAgainstTheirOwnMinimum() {
        java.io.StringWriter out = new java.io.StringWriter();
        new TableRenderer(PLAIN).render(Reports.withOwnLevels(), EnumSet.of(Section.UNHEALTHY),
                new java.io.PrintWriter(out));
        String text = out.toString();

        assertThat(text).contains("Services below their minimum (CRITICAL) or warning level (WARNING) of healthy servers:");
        assertThat(text.lines().filter(line -> line.startsWith(" UserService ") || line.startsWith(" AuthService "))
                .map(line -> line.trim().split("\\s+")).filter(cells -> cells.length == 6)
                .map(cells -> cells[0] + " " + cells[1] + " minimum " + cells[3]))
                .containsExactly("AuthService WARNING minimum 1", "UserService CRITICAL minimum 2");
    }

    @Test
    void allHealthyNamesTheServicesThatHaveTheirOwnLevel() {
        String text = JsonRendererTest.render(new TableRenderer(PLAIN), Reports.of(
                TestThresholds.typical().withServiceLevels(Map.of("AuthService",
                        new ServiceLevels(Optional.of(new HealthyLevel.Count(1)), Optional.empty()))).thresholds(),
                new Server.Measured("10.0.0.1", "AuthService", 10, 20),
                new Server.Measured("10.0.0.2", "GeoService", 10, 20),
                new Server.Measured("10.0.0.3", "GeoService", 10, 20)));

        assertThat(text).contains("All services healthy: each has at least 2 healthy servers, AuthService at least 1.");
    }

    @Test
    void serversOfNoKnownServiceHaveAnEmptyServiceAndEveryReportSaysHowManyThereAre() {
        String text = JsonRendererTest.render(new TableRenderer(PLAIN), Reports.mixed());

        assertThat(text.lines().filter(line -> line.startsWith(" not-an-ip ")))
                .singleElement().asString().matches(" not-an-ip +UNKNOWN +- +- +not an IP address, not requested");
        assertThat(text).contains("Averages leave out 2 UNKNOWN servers, 1 server of no known service among them.")
                .contains("Besides, 1 server of no known service: UNKNOWN, so the verdict is at best WARNING.")
                .doesNotContain("(unknown service)");
    }

    @Test
    void aServiceWithoutFiguresIsListedAsWarningSayingSoAndNoFiguresAtAllAreNeverHealthy() {
        Thresholds atZero = TestThresholds.typical().withMinHealthy(new HealthyLevel.Count(0)).thresholds();
        String some = JsonRendererTest.render(new TableRenderer(PLAIN), Reports.of(atZero,
                new Server.Measured("10.0.0.1", "AuthService", 10, 20),
                new Server.Unknown("10.0.0.2", "GeoService", "HTTP 500")));
        String none = JsonRendererTest.render(new TableRenderer(PLAIN), Reports.of(atZero,
                new Server.Unknown("10.0.0.3", null, "HTTP 404")));

        assertThat(some.lines().filter(line -> line.startsWith(" GeoService "))).last().asString()
                .matches(" GeoService +WARNING \\(no figures\\) +0 +0 +1 +1");
        assertThat(none).contains("No service judged: no server gave usable figures.")
                .contains("Besides, 1 server of no known service").doesNotContain("healthy:");
    }
}
