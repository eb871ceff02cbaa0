package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.testing.FreePort;
import dev.monitor.testing.MockClusterExtension;
import dev.monitor.testing.Launches;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * Each threshold form's exit code, from the real command against the mock. Every figure of this mock is 50%:
 * at the default limits every server is healthy, at {@code --cpu-limit 50} none is. Each of the ten services
 * has between 10 and 25 of the 150 servers.
 */
@QuarkusTest
class ThresholdOptionsCommandTest {

    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(150, 50);

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    private LaunchResult run(String... args) {
        return Launches.launch(launcher, List.of("--snapshot", temp.resolve("snapshot.json").toString(),
                "--port", String.valueOf(mock.port())), args);
    }

    @Test
    void aShareOfAllServersIsMetWhenAllAreHealthy() {
        LaunchResult result = run("--min-healthy", "100%");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("each has at least 100% healthy servers");
    }

    @Test
    void aShareIsCriticalWhenTooFewAreHealthy() {
        LaunchResult result = run("--min-healthy", "50%", "--cpu-limit", "50");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("CRITICAL").contains("10 of 10 services below 50% healthy");
    }

    @Test
    void aShareOfZeroIsNeverCritical() {
        LaunchResult result = run("--min-healthy", "0%", "--cpu-limit", "50");

        assertThat(result.exitCode()).isZero();
    }

    @Test
    void belowTheWarningLevelIsWarningWithExitOne() {
        LaunchResult result = run("--min-healthy", "2", "--warn-healthy", "50");

        assertThat(result.exitCode()).isEqualTo(1);
        List<String> states = result.getOutputStream().stream().skip(2).map(line -> line.trim().split("\\s+")[1])
                .toList();
        assertThat(states).hasSize(10).containsOnly("WARNING");
        assertThat(result.getErrorOutput()).startsWith("monitor: WARNING: 10 of 10 services below the warning level 50");
    }

    @Test
    void aWarningLevelThatIsMetIsOk() {
        assertThat(run("--min-healthy", "50%", "--warn-healthy", "100%").exitCode()).isZero();
    }

    @Test
    void aMissingExpectedServiceIsCritical() {
        LaunchResult result = run("--expect-service", "AuthService", "--expect-service", "BillingService");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getOutput()).contains("BillingService").contains("CRITICAL (missing)")
                .doesNotContain("AuthService");
        assertThat(result.getErrorOutput()).contains("BillingService: expected, but the cluster lists no server of it");
    }

    @Test
    void aMissingExpectedServiceAtAMinimumOfZeroIsCriticalSaidInWords() {
        LaunchResult one = run("--min-healthy", "0", "--expect-service", "BillingService");
        LaunchResult two = run("--min-healthy", "0%", "--expect-service", "BillingService",
                "--expect-service", "AuditService", "--expect-service", "AuthService");

        assertThat(one.exitCode()).isEqualTo(2);
        assertThat(one.getErrorOutput().strip())
                .isEqualTo("monitor: CRITICAL: BillingService: expected, but the cluster lists no server of it");
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(two.getErrorOutput().strip()).isEqualTo(
                "monitor: CRITICAL: AuditService, BillingService: expected, but the cluster lists no server of them");
    }

    @Test
    void expectedServicesThatExistAreOk() {
        assertThat(run("--expect-service", "AuthService", "--expect-service", "GeoService").exitCode())
                .isZero();
    }

    @Test
    void aServiceOfItsOwnMinimumIsCriticalAloneWhileTheOthersMeetTheGlobalOne() {
        assertThat(run("--min-healthy", "2").exitCode()).as("without it").isZero();

        LaunchResult result = run("--min-healthy", "2", "--service-min-healthy", "AuthService=30");

        assertThat(result.exitCode()).isEqualTo(2);
        List<String> listed = result.getOutputStream().stream().skip(2).map(line -> line.trim().split("\\s+"))
                .map(cells -> cells[0] + " " + cells[1] + " " + cells[3]).toList();
        assertThat(listed).containsExactly("AuthService CRITICAL 30");
        assertThat(result.getErrorOutput()).startsWith("monitor: CRITICAL: 1 of 10 services below their minimum: AuthService ")
                .contains("(minimum 30)");
    }

    @Test
    void anOwnLevelBelowTheGlobalOneLetsThatServiceThrough() {
        LaunchResult result = run("--cpu-limit", "50", "--min-healthy", "0",
                "--service-min-healthy", "AuthService=1", "-o", "json");

        assertThat(result.exitCode()).as("no server is healthy at --cpu-limit 50; only Auth needs one").isEqualTo(2);
        assertThat(result.getOutput()).contains("\"summary\" : \"1 of 10 services below their minimum: AuthService 0/");
        assertThat(run("--cpu-limit", "50", "--min-healthy", "1", "--service-min-healthy", "AuthService=0")
                .getErrorOutput()).as("the other way round").contains("9 of 10 services below 1 healthy")
                .doesNotContain("AuthService");
    }

    @Test
    void aServiceOfItsOwnWarningLevelIsWarningAlone() {
        LaunchResult result = run("--service-warn-healthy", "GeoService=100", "-o", "nagios");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getOutput()).startsWith("MONITOR WARNING - 1 of 10 services below their warning level: "
                + "GeoService ").contains("(warning level 100)").containsPattern("'GeoService healthy'=\\d+;100:;2:;")
                .containsPattern("'AuthService healthy'=\\d+;;2:;");
    }

    @Test
    void levelsOfAServiceTheClusterDoesNotListDoNothingUnlessItIsExpected() {
        LaunchResult unlisted = run("--service-min-healthy", "BillingService=5");
        assertThat(unlisted.exitCode()).isZero();
        assertThat(unlisted.getErrorOutput().lines()).as("a misspelt name is said, not silently ignored")
                .containsExactly("monitor: warning: the cluster lists no service BillingService, so its own level "
                        + "applies to nothing (a misspelt name?)");

        LaunchResult expected = run("--service-min-healthy", "BillingService=5",
                "--expect-service", "BillingService");
        assertThat(expected.exitCode()).isEqualTo(2);
        assertThat(expected.getOutput()).containsPattern("BillingService\\s+CRITICAL \\(missing\\)\\s+0\\s+5\\s");
    }

    @Test
    void badServiceLevelsAreUsageErrorsOfOneLine() {
        for (String[] args : List.of(
                new String[] { "--service-min-healthy", "AuthService=half" },
                new String[] { "--service-min-healthy", "AuthService" },
                new String[] { "--service-min-healthy", "=3" },
                new String[] { "--service-warn-healthy", "AuthService=101%" },
                new String[] { "--service-min-healthy", "AuthService=1", "--service-min-healthy", "AuthService=2" },
                new String[] { "--service-min-healthy", "AuthService=3", "--service-warn-healthy", "AuthService=2" },
                new String[] { "--warn-healthy", "3", "--service-min-healthy", "AuthService=4" })) {
            LaunchResult result = run(args);
            String given = String.join(" ", args);
            assertThat(result.exitCode()).as(given).isEqualTo(3);
            List<String> lines = result.getErrorOutput().lines().toList();
            assertThat(lines).as(given).hasSize(2);
            assertThat(lines.getFirst()).as(given).startsWith("monitor: ").contains("AuthService=", "--service-");
            assertThat(lines.get(1)).as("the usual hint").startsWith("Try 'monitor --help'");
        }
        assertThat(run("--service-min-healthy", "AuthService=3", "--service-warn-healthy", "AuthService=2")
                .getErrorOutput()).startsWith("monitor: --service-warn-healthy AuthService=2 is below "
                        + "--service-min-healthy AuthService=3: the warning level must be the higher one");
    }

    @Test
    void aWarningLevelBelowTheDefaultMinimumNamesTheDefaultNotAFlag() {
        LaunchResult result = run("--warn-healthy", "1");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput()).startsWith("monitor: --warn-healthy 1 is below the default min-healthy 2: "
                + "the warning level must be the higher one\n");
        assertThat(run("--service-warn-healthy", "AuthService=1").getErrorOutput())
                .startsWith("monitor: --service-warn-healthy AuthService=1 is below the default min-healthy 2: ");
    }

    @Test
    void anUnreachableApiTakesTheStateAskedFor() throws Exception {
        int closed = FreePort.any();
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
    void aBlankExpectedServiceIsAUsageErrorNotAMissingService() {
        for (String blank : List.of("", " ")) {
            LaunchResult result = run("--expect-service", "AuthService", "--expect-service", blank);
            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.getErrorOutput().lines().toList()).hasSize(2)
                    .first().isEqualTo("monitor: --expect-service needs a service name, not '" + blank + "'");
            assertThat(result.getOutput()).isEmpty();
        }
    }

    @Test
    void badThresholdsAreUsageErrors() {
        for (String[] args : List.of(
                new String[] { "--min-healthy", "101%" },
                new String[] { "--min-healthy", "half" },
                new String[] { "--warn-healthy", "1", "--min-healthy", "2" },
                new String[] { "--unreachable-state", "ok" })) {
            LaunchResult result = run(args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(3);
            assertThat(result.getErrorOutput()).as(String.join(" ", args)).startsWith("monitor: ")
                    .doesNotContain("\tat ");
        }
    }
}
