package dev.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/** The packaged artifact, run as users run it, against {@code monitor mock-server} in its own process. */
@QuarkusMainIntegrationTest
class PackagedMonitorIT {

    @RegisterExtension
    static MockServerProcess mock = new MockServerProcess("--servers", "150");

    @TempDir
    Path temp;

    @Test
    void everyReportOfTheSeedRunsAgainstTheMockServer(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("--port", String.valueOf(mock.port()), "--printservers", "--avg",
                "--unhealthyservices", "--snapshot", temp.resolve("s.json").toString());

        assertThat(result.exitCode()).isIn(0, 2);
        assertThat(result.getOutput()).contains("10.58.1.150", "AVG CPU");
        assertThat(result.getOutput()).containsAnyOf("All services healthy", "Services with fewer than 2");
        assertThat(Files.exists(temp.resolve("s.json"))).isTrue();
    }

    @Test
    void unreachableApiExitsThree(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("--port", "1", "--retries", "0", "--snapshot",
                temp.resolve("none.json").toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput()).contains("connection refused");
    }

    @Test
    void anEnvironmentVariableSetsADefault() throws Exception {
        Process process = start(List.of("--port", String.valueOf(mock.port()), "--unhealthyservices", "--snapshot",
                temp.resolve("env.json").toString()), "MONITOR_MIN_HEALTHY", "1000");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("fewer than 1000 healthy");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void serviceWatchPrintsTicksAndEndsCleanlyOnCtrlC() throws Exception {
        Process process = start(List.of("--port", String.valueOf(mock.port()), "--service", "AuthService", "1",
                "--snapshot", temp.resolve("watch.json").toString()), null, null);
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        int ticks = 0;
        // Wait for two ticks however slow the machine is, then press Ctrl-C.
        for (String line = stdout.readLine(); line != null && ticks < 2; line = stdout.readLine()) {
            out.append(line).append('\n');
            ticks += line.startsWith("AuthService at ") ? 1 : 0;
        }
        assertThat(ticks).as("ticks printed").isEqualTo(2);
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("Ctrl-C is the normal end of a watch").isZero();
        assertThat(out).contains("10.58.1.3").doesNotContain("UserService");
    }

    private static Process start(List<String> args, String envName, String envValue) throws IOException {
        List<String> command = new ArrayList<>(MockServerProcess.artifactCommand());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (envName != null) {
            builder.environment().put(envName, envValue);
        }
        return builder.start();
    }
}
