package dev.monitor.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.monitor.analysis.Report;
import dev.monitor.snapshot.Server;

/** The frames of a watch, rendered over recorded ticks. */
class LiveViewTest {

    private static final TableStyle PLAIN = new TableStyle(false, true);

    private static final Instant START = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void serviceFrameShowsTheLatestFiguresAndATrendOfTheTicksSoFar() {
        LiveView view = new LiveView(ZoneOffset.UTC);
        int[] cpu = { 0, 50, 100 };
        for (int i = 0; i < cpu.length; i++) {
            view.add(tick(i, new Server.Measured("10.0.0.1", "AuthService", cpu[i], 10),
                    new Server.Measured("10.0.0.2", "AuthService", 20, 30)));
        }

        List<String> lines = view.serviceFrame("AuthService", Duration.ofSeconds(2), PLAIN).lines().toList();

        assertThat(lines.getFirst()).isEqualTo(
                "AuthService at 08:00:04: 1 of 2 servers healthy (minimum 2), CRITICAL, every 2s, Ctrl-C to stop");
        String first = lines.stream().filter(line -> line.contains("10.0.0.1")).findFirst().orElseThrow();
        assertThat(first).contains("Unhealthy", "100%", "▁▄█", "10%", "▁▁▁");
        String second = lines.stream().filter(line -> line.contains("10.0.0.2")).findFirst().orElseThrow();
        assertThat(second).contains("Healthy", "▂▂▂", "▃▃▃");
    }

    @Test
    void trendKeepsOnlyTheLastTicksAndLeavesGapsWhereAServerHadNoFigure() {
        LiveView view = new LiveView(ZoneOffset.UTC);
        for (int i = 0; i < LiveView.TREND + 5; i++) {
            Server server = i == LiveView.TREND + 3
                    ? new Server.Unknown("10.0.0.1", "AuthService", "timed out")
                    : new Server.Measured("10.0.0.1", "AuthService", 100, 100);
            view.add(tick(i, server));
        }

        String row = view.serviceFrame("AuthService", Duration.ofSeconds(1), PLAIN).lines()
                .filter(line -> line.contains("10.0.0.1")).findFirst().orElseThrow();
        // The last TREND ticks and no more: no bar of an older tick before them.
        assertThat(row).containsPattern("(?<!█)█{" + (LiveView.TREND - 2) + "} █(?!█)");
    }

    @Test
    void serverThatIsUnknownNowShowsItsReason() {
        LiveView view = new LiveView(ZoneOffset.UTC);
        view.add(tick(0, new Server.Unknown("10.0.0.1", "AuthService", "HTTP 503")));

        String frame = view.serviceFrame("AuthService", Duration.ofSeconds(1), PLAIN);

        assertThat(frame).contains("UNKNOWN").contains("HTTP 503");
    }

    @Test
    void colouredFrameColoursTheStatus() {
        LiveView view = new LiveView(ZoneOffset.UTC);
        view.add(tick(0, new Server.Measured("10.0.0.1", "AuthService", 1, 1)));

        assertThat(view.serviceFrame("AuthService", Duration.ofSeconds(1), new TableStyle(true, true)))
                .contains("\u001B[32mHealthy\u001B[39m");
    }

    @Test
    void reportFrameHeadsTheTablesWithTimeAndVerdict() {
        LiveView view = new LiveView(ZoneOffset.UTC);
        view.add(new LiveView.Tick(START, Reports.mixed()));

        String frame = view.reportFrame(EnumSet.of(Section.AVERAGES, Section.UNHEALTHY), Duration.ofSeconds(5),
                PLAIN);

        assertThat(frame.lines().findFirst().orElseThrow())
                .startsWith("monitor at 08:00:00: CRITICAL, 1 of 2 services below 2 healthy");
        assertThat(frame).contains("AVG CPU").contains("Services with fewer than 2 healthy servers");
    }

    private static LiveView.Tick tick(int i, Server... servers) {
        Instant at = START.plusSeconds(2L * i);
        Report report = Reports.of(servers);
        return new LiveView.Tick(at, report);
    }
}
