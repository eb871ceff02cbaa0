package dev.monitor;

import static dev.monitor.testing.CannedClusterExtension.details;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.testing.CannedClusterExtension;

/** The packaged artifact ({@code target/monitor}) against clusters whose answers must never read as healthy. */
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
    void serversThatAllAnswerAnHtmlPageAreNoDataNotAHealthyCluster() throws Exception {
        ArtifactRun result = ArtifactRun.of(temp, Map.of(), "--port", String.valueOf(htmlPages.port()), "--snapshot",
                temp.resolve("s.json").toString(), "--retries", "0");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("monitor: UNKNOWN: no server listed at ")
                .endsWith("/servers gave usable figures: malformed JSON: Unexpected character ('<' (code 60)) "
                        + "(150 of 150)");
        assertThat(temp.resolve("s.json")).doesNotExist();
    }

    @Test
    void aServiceNamedUnknownServiceIsJudged() throws Exception {
        ArtifactRun result = ArtifactRun.of(temp, Map.of(), "--port", String.valueOf(namedLikeMonitorsWords.port()),
                "--snapshot", temp.resolve("s.json").toString(), "--retries", "0");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err().lines())
                .containsExactly("monitor: CRITICAL: 1 of 2 services below 2 healthy: (unknown service) 0/2");
    }
}
