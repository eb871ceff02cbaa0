package dev.monitor.cli;

import static dev.monitor.testing.CannedClusterExtension.details;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Snapshot;
import dev.monitor.snapshot.SnapshotRepository;
import dev.monitor.testing.CannedClusterExtension;
import dev.monitor.testing.MockClusterExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * The command against cluster APIs that answer outside the contract, or inside it in ways that look like
 * monitor's own words, over real sockets: nothing of it may read as healthy.
 */
@QuarkusTest
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class UntrustedAnswersCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Four figures that look like 50% to Java's {@code Character.isDigit}, or lack their %, beside three good ones. */
    @RegisterExtension
    static CannedClusterExtension foreignDigits = new CannedClusterExtension(figures(
            "٥٠%", "５０%", "50", "५०%", "10%", "10%", "10%"));

    /**
     * Three servers at 99% of a service named as monitor once named the servers it could not place, and two healthy
     * ones of a service named as {@code --history} once named its verdict's row.
     */
    @RegisterExtension
    static CannedClusterExtension ownWords = new CannedClusterExtension(Map.of(
            "10.0.1.1", details("99%", "99%", "(unknown service)"),
            "10.0.1.2", details("99%", "99%", "(unknown service)"),
            "10.0.1.3", details("99%", "99%", "(unknown service)"),
            "10.0.1.4", details("10%", "10%", "(verdict)"),
            "10.0.1.5", details("10%", "10%", "(verdict)")));

    /** Every server answers 200 with an HTML page, as a proxy's error page. */
    @RegisterExtension
    static MockClusterExtension htmlPages = new MockClusterExtension(150, 50, "garbage:150");

    /** Every server answers 200 with JSON that holds no figures, as a health endpoint does. */
    @RegisterExtension
    static CannedClusterExtension noFigures = new CannedClusterExtension(Map.of(
            "10.0.2.1", "{\"status\": \"ok\"}", "10.0.2.2", "{\"status\": \"ok\"}"));

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    private final SnapshotRepository repository = new SnapshotRepository(Optional.empty());

    private static Map<String, String> figures(String... cpus) {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (int i = 0; i < cpus.length; i++) {
            bodies.put("10.0.0." + (i + 1), details(cpus[i], "10%", "AuthService"));
        }
        return bodies;
    }

    private LaunchResult run(int port, String... args) {
        List<String> all = new ArrayList<>(List.of("--port", String.valueOf(port), "--snapshot",
                temp.resolve("snapshot.json").toString(), "--retries", "0"));
        all.addAll(Arrays.asList(args));
        return launcher.launch(all.toArray(String[]::new));
    }

    private static String row(LaunchResult result, String ip) {
        return result.getOutputStream().stream().filter(line -> line.trim().startsWith(ip + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + ip + " in\n" + result.getOutput()));
    }

    @Test
    void aFigureInOtherDigitsThanAsciiOrWithoutItsPercentSignIsUnknownWithItsReason() {
        LaunchResult result = run(foreignDigits.port(), "--printservers");

        assertThat(result.exitCode()).as("three healthy of seven, four UNKNOWN: partial data").isEqualTo(1);
        assertThat(row(result, "10.0.0.1")).contains("UNKNOWN").contains("cpu \"٥٠%\" is not a percentage like 61%");
        assertThat(row(result, "10.0.0.2")).contains("UNKNOWN").contains("cpu \"５０%\" is not a percentage");
        assertThat(row(result, "10.0.0.3")).contains("UNKNOWN").contains("cpu \"50\" is not a percentage");
        assertThat(row(result, "10.0.0.4")).contains("UNKNOWN").contains("cpu \"५०%\" is not a percentage");
        assertThat(row(result, "10.0.0.5")).contains("Healthy");
        assertThat(result.getErrorOutput()).contains("4 of 7 servers UNKNOWN");
    }

    @Test
    void aServiceNamedLikeMonitorsOwnWordsIsJudgedInEveryFormat() throws Exception {
        LaunchResult table = run(ownWords.port(), "--printservers", "--unhealthyservices");

        assertThat(table.exitCode()).as("a service with none of its 3 servers healthy").isEqualTo(2);
        assertThat(table.getErrorOutput().strip())
                .isEqualTo("monitor: CRITICAL: 1 of 2 services below 2 healthy: (unknown service) 0/3");
        assertThat(row(table, "10.0.1.1")).contains("(unknown service)").contains("Unhealthy");
        assertThat(table.getOutputStream()).filteredOn(line -> line.startsWith(" (unknown service)  CRITICAL"))
                .singleElement().extracting(line -> line.trim().split("\\s+"))
                .isEqualTo(new String[] { "(unknown", "service)", "CRITICAL", "0", "2", "3", "0" });
        assertThat(run(ownWords.port(), "-o", "nagios").getOutput())
                .startsWith("MONITOR CRITICAL - 1 of 2 services below 2 healthy: (unknown service) 0/3 | ")
                .contains("'(unknown service) healthy'=0;;2:;0;3")
                .contains("CRITICAL: (unknown service) has 0 of 3 servers healthy, minimum 2");
        assertThat(run(ownWords.port(), "-o", "prometheus").getOutput())
                .contains("monitor_min_healthy_servers{service=\"(unknown service)\"} 2.0")
                .contains("monitor_no_known_service_servers 0.0");
        JsonNode json = JSON.readTree(run(ownWords.port(), "-o", "json").getOutput());
        assertThat(json.get("counts").get("noKnownService").asInt()).isZero();
        assertThat(json.get("services").findValuesAsText("service")).containsExactly("(unknown service)", "(verdict)");
        assertThat(json.get("services").get(0).get("state").asText()).isEqualTo("CRITICAL");
        assertThat(run(ownWords.port(), "-o", "csv").getOutput()).contains("(unknown service),0,3,0,2,CRITICAL,");
    }

    @Test
    void aServiceNamedLikeTheHistorysVerdictRowIsAServiceRowUnlikeTheVerdict() {
        run(ownWords.port());

        List<String> lines = run(ownWords.port(), "--history").getOutputStream();

        assertThat(lines.get(2).split("\\s+")).as("the verdict, in the row without a service")
                .containsExactly("", "C");
        assertThat(lines).filteredOn(line -> line.startsWith(" (verdict) ")).singleElement().asString()
                .matches(" \\(verdict\\) +\\. +2/2");
    }

    @Test
    void serversThatAllAnswerWithoutUsableFiguresAreNoDataNeverHealthy() {
        LaunchResult html = run(htmlPages.port());
        LaunchResult critical = run(htmlPages.port(), "--unreachable-state", "critical", "-o", "nagios");
        LaunchResult health = run(noFigures.port(), "--min-healthy", "0");

        assertThat(html.exitCode()).as("no data").isEqualTo(3);
        assertThat(html.getOutput()).isEmpty();
        assertThat(html.getErrorOutput().strip()).isEqualTo("monitor: UNKNOWN: no server listed at http://localhost:"
                + htmlPages.port() + "/servers gave usable figures: malformed JSON: Unexpected character ('<' "
                + "(code 60)) (150 of 150)");
        assertThat(critical.exitCode()).isEqualTo(2);
        assertThat(critical.getOutput()).startsWith("MONITOR CRITICAL - no server listed at ")
                .doesNotContainIgnoringCase("healthy");
        assertThat(health.exitCode()).as("even with a minimum of 0").isEqualTo(3);
        assertThat(health.getErrorOutput()).contains("gave usable figures: missing field cpu (2 of 2)");
        assertThat(temp.resolve("snapshot.json")).as("nothing to save").doesNotExist();
    }

    @Test
    void serversThatAllAnswerWithoutUsableFiguresNeverReplaceAGoodSnapshot()
            throws IOException {
        Path file = temp.resolve("snapshot.json");
        repository.write(file, new Snapshot(URI.create("http://localhost:" + htmlPages.port()),
                Instant.now().minus(Duration.ofMinutes(5)), List.of(
                        new Server.Measured("10.58.1.1", "AuthService", 10, 10),
                        new Server.Measured("10.58.1.2", "AuthService", 10, 10))));
        byte[] good = Files.readAllBytes(file);

        LaunchResult result = run(htmlPages.port(), "--refresh");

        assertThat(result.exitCode()).as("the good snapshot, stale").isEqualTo(1);
        assertThat(result.getOutput()).containsPattern("Stale data, 5m\\d*s? old \\(no server listed at .* gave usable "
                + "figures: malformed JSON");
        assertThat(Files.readAllBytes(file)).as("byte for byte").isEqualTo(good);
    }
}
