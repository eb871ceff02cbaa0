package dev.monitor;

import static dev.monitor.testing.CannedClusterExtension.details;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.testing.CannedClusterExtension;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/** The packaged artifact against clusters whose answers must never read as healthy. */
@QuarkusMainIntegrationTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class UntrustedAnswersIT {

    /** The packaged mock, every server answering 200 with an HTML page. */
    @RegisterExtension
    static MockServerProcess htmlPages = new MockServerProcess("--faults", "garbage:150");

    @RegisterExtension
    static CannedClusterExtension namedLikeMonitorsWords = new CannedClusterExtension(Map.of(
            "10.0.1.1", details("99%", "99%", "(unknown service)"),
            "10.0.1.2", details("99%", "99%", "(unknown service)"),
            "10.0.1.3", details("10%", "10%", "AuthService"),
            "10.0.1.4", details("10%", "10%", "AuthService")));

    @TempDir
    Path temp;

    @Test
    void serversThatAllAnswerAnHtmlPageAreNoDataNotAHealthyCluster(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("--port", String.valueOf(htmlPages.port()), "--snapshot",
                temp.resolve("s.json").toString(), "--retries", "0");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isEqualTo(3);
        assertThat(result.getOutput()).isEmpty();
        assertThat(monitorsLines(result)).singleElement().asString()
                .startsWith("monitor: UNKNOWN: no server listed at ")
                .endsWith("/servers gave usable figures: malformed JSON: Unexpected character ('<' (code 60)) "
                        + "(150 of 150)");
        assertThat(temp.resolve("s.json")).doesNotExist();
    }

    @Test
    void aServiceNamedUnknownServiceIsJudged(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("--port", String.valueOf(namedLikeMonitorsWords.port()), "--snapshot",
                temp.resolve("s.json").toString(), "--retries", "0");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isEqualTo(2);
        assertThat(monitorsLines(result))
                .containsExactly("monitor: CRITICAL: 1 of 2 services below 2 healthy: (unknown service) 0/2");
    }

    /** stderr without the log lines the test launcher has Quarkus add. */
    private static List<String> monitorsLines(LaunchResult result) {
        return result.getErrorStream().stream().filter(line -> !line.contains(" INFO  [io.quarkus]")).toList();
    }
}
