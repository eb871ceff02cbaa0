package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.testing.HttpsMockClusterExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/** {@code --cert} and {@code --key} against the mock served over TLS that requires a client certificate. */
@QuarkusTest
class MutualTlsCommandTest {

    @RegisterExtension
    static HttpsMockClusterExtension mock = new HttpsMockClusterExtension(20, 50, true);

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    @Test
    void theClientCertificateOpensTheApi() {
        LaunchResult result = launcher.launch("--snapshot", temp.resolve("s.json").toString(), "--url", mock.url(),
                "--cacert", mock.certificates().ca().toString(),
                "--cert", mock.certificates().clientCert().toString(),
                "--key", mock.certificates().clientKey().toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("All services healthy");
    }

    @Test
    void withoutAClientCertificateTheApiCannotBeRead() {
        LaunchResult result = launcher.launch("--snapshot", temp.resolve("s.json").toString(), "--url", mock.url(),
                "--cacert", mock.certificates().ca().toString(), "--retries", "0");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput().lines()).hasSize(1);
        assertThat(result.getErrorOutput()).startsWith("monitor: UNKNOWN: cannot list servers")
                .contains("--cert FILE --key FILE").doesNotContain("\tat ");
    }
}
