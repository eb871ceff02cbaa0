package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.testing.MockClusterExtension;
import dev.monitor.testing.Launches;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * Each threshold form's exit code, from the real command against the mock. Every figure of this mock is 50%:
 * at the default limits every server is healthy, at {@code --cpu-limit 50} none is. Each of the ten services
 * has between 10 and 25 of the 150 servers.
 */
@QuarkusMainTest
class ThresholdOptionsCommandTest {

    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(150, 50);

    @TempDir
    Path temp;

    private LaunchResult run(QuarkusMainLauncher launcher, String... args) {
        return Launches.launch(launcher, List.of("--snapshot", temp.resolve("snapshot.json").toString(),
                "--port", String.valueOf(mock.port())), args);
    }

    @Test
    void aShareOfAllServersIsMetWhenAllAreHealthy(QuarkusMainLauncher launcher) {
        LaunchResult result = run(launcher, "--min-healthy", "100%");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("each has at least 100% healthy servers");
    }

    @Test
    void aShareIsCriticalWhenTooFewAreHealthy(QuarkusMainLauncher launcher) {
        LaunchResult result = run(launcher, "--min-healthy", "50%", "--cpu-limit", "50");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("CRITICAL").contains("10 of 10 services below 50% healthy");
    }

    @Test
    void aShareOfZeroIsNeverCritical(QuarkusMainLauncher launcher) {
        LaunchResult result = run(launcher, "--min-healthy", "0%", "--cpu-limit", "50");

        assertThat(result.exitCode()).isZero();
    }

    @Test
    void belowTheWarningLevelIsWarningWithExitOne(QuarkusMainLauncher launcher) {
        LaunchResult result = run(launcher, "--min-healthy", "2", "--warn-healthy", "50");

        assertThat(result.exitCode()).isEqualTo(1);
        List<String> states = result.getOutputStream().stream().skip(2).map(line -> line.trim().split("\\s+")[1])
                .toList();
        assertThat(states).hasSize(10).containsOnly("WARNING");
        assertThat(result.getErrorOutput()).startsWith("monitor: WARNING: 10 of 10 services below the warning level 50");
    }

    @Test
    void aWarningLevelThatIsMetIsOk(QuarkusMainLauncher launcher) {
        assertThat(run(launcher, "--min-healthy", "50%", "--warn-healthy", "100%").exitCode()).isZero();
    }

    @Test
    void aMissingExpectedServiceIsCritical(QuarkusMainLauncher launcher) {
        LaunchResult result = run(launcher, "--expect-service", "AuthService", "--expect-service", "BillingService");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getOutput()).contains("BillingService").contains("CRITICAL (missing)")
                .doesNotContain("AuthService");
        assertThat(result.getErrorOutput()).contains("BillingService missing");
    }

    @Test
    void expectedServicesThatExistAreOk(QuarkusMainLauncher launcher) {
        assertThat(run(launcher, "--expect-service", "AuthService", "--expect-service", "GeoService").exitCode())
                .isZero();
    }

    @Test
    void anUnreachableApiTakesTheStateAskedFor(QuarkusMainLauncher launcher) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        for (String[] state : List.of(new String[] { "unknown", "3", "UNKNOWN" },
                new String[] { "critical", "2", "CRITICAL" }, new String[] { "warning", "1", "WARNING" })) {
            LaunchResult result = launcher.launch("--snapshot", temp.resolve("none.json").toString(),
                    "--port", String.valueOf(closed), "--retries", "0", "--unreachable-state", state[0]);
            assertThat(result.exitCode()).as(state[0]).isEqualTo(Integer.parseInt(state[1]));
            assertThat(result.getErrorOutput()).as(state[0]).startsWith("monitor: " + state[2] + ": ")
                    .contains("connection refused");
        }
    }

    @Test
    void badThresholdsAreUsageErrors(QuarkusMainLauncher launcher) {
        for (String[] args : List.of(
                new String[] { "--min-healthy", "101%" },
                new String[] { "--min-healthy", "half" },
                new String[] { "--warn-healthy", "1", "--min-healthy", "2" },
                new String[] { "--unreachable-state", "ok" })) {
            LaunchResult result = run(launcher, args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(3);
            assertThat(result.getErrorOutput()).as(String.join(" ", args)).startsWith("monitor: ")
                    .doesNotContain("\tat ");
        }
    }
}
