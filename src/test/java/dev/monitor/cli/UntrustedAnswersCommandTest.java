package dev.monitor.cli;

import static dev.monitor.testing.CannedClusterExtension.details;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.testing.CannedClusterExtension;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * The command against cluster APIs that answer outside the contract, or inside it in ways that look like
 * monitor's own words, over real sockets: nothing of it may read as healthy.
 */
@QuarkusMainTest
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class UntrustedAnswersCommandTest {

    /** Four figures that look like 50% to Java's {@code Character.isDigit}, or lack their %, beside three good ones. */
    @RegisterExtension
    static CannedClusterExtension foreignDigits = new CannedClusterExtension(figures(
            "٥٠%", "５０%", "50", "५०%", "10%", "10%", "10%"));

    @TempDir
    Path temp;

    private static Map<String, String> figures(String... cpus) {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (int i = 0; i < cpus.length; i++) {
            bodies.put("10.0.0." + (i + 1), details(cpus[i], "10%", "AuthService"));
        }
        return bodies;
    }

    private LaunchResult run(QuarkusMainLauncher launcher, CannedClusterExtension cluster, String... args) {
        List<String> all = new ArrayList<>(List.of("--port", String.valueOf(cluster.port()), "--snapshot",
                temp.resolve("snapshot.json").toString(), "--retries", "0"));
        all.addAll(Arrays.asList(args));
        return launcher.launch(all.toArray(String[]::new));
    }

    private static String row(LaunchResult result, String ip) {
        return result.getOutputStream().stream().filter(line -> line.trim().startsWith(ip + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + ip + " in\n" + result.getOutput()));
    }

    @Test
    void aFigureInOtherDigitsThanAsciiOrWithoutItsPercentSignIsUnknownWithItsReason(QuarkusMainLauncher launcher) {
        LaunchResult result = run(launcher, foreignDigits, "--printservers");

        assertThat(result.exitCode()).as("three healthy of seven, four UNKNOWN: partial data").isEqualTo(1);
        assertThat(row(result, "10.0.0.1")).contains("UNKNOWN").contains("cpu \"٥٠%\" is not a percentage like 61%");
        assertThat(row(result, "10.0.0.2")).contains("UNKNOWN").contains("cpu \"５０%\" is not a percentage");
        assertThat(row(result, "10.0.0.3")).contains("UNKNOWN").contains("cpu \"50\" is not a percentage");
        assertThat(row(result, "10.0.0.4")).contains("UNKNOWN").contains("cpu \"५०%\" is not a percentage");
        assertThat(row(result, "10.0.0.5")).contains("Healthy");
        assertThat(result.getErrorOutput()).contains("4 of 7 servers UNKNOWN");
    }
}
