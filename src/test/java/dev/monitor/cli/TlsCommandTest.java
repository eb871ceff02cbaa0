package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.testing.HttpsMockClusterExtension;
import dev.monitor.testing.MockClusterExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/** {@code --url https://...} against the mock served over TLS with a certificate made for this test class. */
@QuarkusTest
class TlsCommandTest {

    @RegisterExtension
    static HttpsMockClusterExtension mock = new HttpsMockClusterExtension(20, 50, false);

    @RegisterExtension
    static HttpsMockClusterExtension otherName = HttpsMockClusterExtension.withCertificateForAnotherName(20, 50);

    @RegisterExtension
    static MockClusterExtension plain = new MockClusterExtension(20, 50);

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    private LaunchResult run(String... args) {
        List<String> all = new ArrayList<>(List.of("--snapshot", temp.resolve("snapshot.json").toString(),
                "--retries", "0"));
        all.addAll(Arrays.asList(args));
        return launcher.launch(all.toArray(String[]::new));
    }

    @Test
    void anUntrustedCertificateIsUnknownWithOneLineNamingCacert() {
        // The mock is shared with the other tests of the class, in whatever order they run.
        int requests = mock.cluster().requestCount();

        LaunchResult result = run("--url", mock.url());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput().lines()).hasSize(1);
        assertThat(result.getErrorOutput()).contains("certificate is not trusted").contains("--cacert")
                .doesNotContain("\tat ");
        assertThat(result.getOutput()).isEmpty();
        assertThat(mock.cluster().requestCount()).as("no request got past the handshake").isEqualTo(requests);
    }

    @Test
    void theCaBundleGivenWithCacertIsTrusted() {
        LaunchResult result = run("--url", mock.url(), "--cacert", mock.certificates().ca().toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("All services healthy");
        assertThat(result.getErrorOutput()).isEmpty();
    }

    @Test
    void theHostNameLocalhostIsInTheCertificateToo() {
        LaunchResult result = run("--url", "https://localhost:" + mock.port(), "--cacert",
                mock.certificates().ca().toString());

        assertThat(result.exitCode()).isZero();
    }

    @Test
    void aBundleOfAnotherCaDoesNotHelp() {
        LaunchResult result = run("--url", mock.url(), "--cacert",
                mock.certificates().otherCa().toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput()).contains("not trusted").contains("--cacert");
    }

    @Test
    void aTrustedCertificateForAnotherHostNameIsUnknownWithOneLineSayingSo() {
        int requests = otherName.cluster().requestCount();
        for (String host : List.of("127.0.0.1", "localhost")) {
            LaunchResult result = run("--url", "https://" + host + ":" + otherName.port(), "--cacert",
                    otherName.certificates().ca().toString());

            assertThat(result.exitCode()).as(host).isEqualTo(3);
            assertThat(result.getErrorOutput().lines()).as(host).hasSize(1);
            assertThat(result.getErrorOutput()).as(host).startsWith("monitor: UNKNOWN: ")
                    .contains("certificate is not for the host name " + host).contains("--cacert")
                    .doesNotContain("not trusted").doesNotContain("\tat ");
            assertThat(result.getOutput()).as(host).isEmpty();
        }
        assertThat(otherName.cluster().requestCount()).as("no request got past the handshake").isEqualTo(requests);
    }

    @Test
    void insecureGetsPastACertificateForAnotherHostNameWithItsWarning() {
        LaunchResult result = run("--url", "https://127.0.0.1:" + otherName.port(), "--insecure");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("All services healthy");
        assertThat(result.getErrorOutput().lines()).hasSize(1);
        assertThat(result.getErrorOutput()).startsWith("monitor: warning: --insecure");
    }

    @Test
    void insecureSkipsTheChecksAndWarnsOnEveryRun() {
        for (int i = 0; i < 2; i++) {
            LaunchResult result = run("--url", mock.url(), "--insecure", "--refresh");

            assertThat(result.exitCode()).isZero();
            assertThat(result.getErrorOutput().lines()).hasSize(1);
            assertThat(result.getErrorOutput()).startsWith("monitor: warning: --insecure");
        }
    }

    @Test
    void aMissingCaFileIsAUsageError() {
        LaunchResult result = run("--url", mock.url(), "--cacert", temp.resolve("nope.pem").toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput()).startsWith("monitor: --cacert").contains("no such readable file");
    }

    @Test
    void aDirectoryAsCaFileIsAUsageError() {
        LaunchResult result = run("--url", mock.url(), "--cacert", temp.toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput()).startsWith("monitor: --cacert " + temp + ": a directory, not a file");
    }

    @Test
    void httpsToAPortThatSpeaksPlainHttpSaysToUseHttp() {
        LaunchResult result = run("--url", plain.url().replace("http://", "https://"));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput().lines()).hasSize(1);
        assertThat(result.getErrorOutput()).contains("TLS: the server answered in plain HTTP, not TLS; use an http:// URL")
                .doesNotContain("485454502f");
    }

    @Test
    void certWithoutKeyIsAUsageError() {
        LaunchResult result = run("--url", mock.url(), "--cert", mock.certificates().clientCert().toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput()).contains("--cert and --key go together");
    }
}
