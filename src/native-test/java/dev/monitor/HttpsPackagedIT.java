package dev.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.testing.ExpectedFleet;
import dev.monitor.testing.Secret;
import dev.monitor.testing.TempFolders;
import dev.monitor.testing.TestCertificates;

/**
 * The packaged artifact ({@code target/monitor}, the native binary under {@code -Dnative}) over HTTPS with a bearer
 * token, against {@code monitor mock-server --tls-cert --tls-key --token-file} in its own process.
 */
class HttpsPackagedIT {

    private static final String TOKEN = "it-token-5c2e9a";
    private static final Path FOLDER = folder();
    private static final TestCertificates CERTIFICATES = TestCertificates.writeTo(FOLDER);
    private static final Path TOKEN_FILE = write("token", TOKEN + "\n");

    private static final ExpectedFleet FLEET = ExpectedFleet.seeded(30, 7);

    @RegisterExtension
    static MockServerProcess mock = new MockServerProcess("--servers", "30", "--seed", "7",
            "--tls-cert", CERTIFICATES.serverCert().toString(), "--tls-key", CERTIFICATES.serverKey().toString(),
            "--token-file", TOKEN_FILE.toString());

    @TempDir
    Path temp;

    /** The folder holds a test CA's key and the token: it goes with the class (JUnit's @TempDir comes too late). */
    @AfterAll
    static void removeTheCertificatesAndTheToken() {
        TempFolders.delete(FOLDER);
    }

    private static Path folder() {
        try {
            return Files.createTempDirectory("monitor-https-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(String name, String content) {
        try {
            return Files.writeString(FOLDER.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void verifiedTlsAndTheTokenReadTheCluster() throws Exception {
        Path snapshot = temp.resolve("s.json");
        ArtifactRun result = ArtifactRun.of(temp, Map.of(), "--url", "https://localhost:" + mock.port(), "--cacert",
                CERTIFICATES.ca().toString(), "--token-file", TOKEN_FILE.toString(), "--snapshot",
                snapshot.toString(), "--avg", "--verbose");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(FLEET.exitCode());
        assertThat(result.out()).contains("AVG CPU");
        assertThat(snapshot).isRegularFile();
        Secret.token(TOKEN).assertNotIn(result);
        Secret.token(TOKEN).assertNotInFilesUnder(temp);
    }

    @Test
    void withoutTheCaTheCertificateIsRefused() throws Exception {
        ArtifactRun result = ArtifactRun.of(temp, Map.of(), "--url", "https://localhost:" + mock.port(), "--token-file",
                TOKEN_FILE.toString(), "--snapshot", temp.resolve("s.json").toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("not trusted").contains("--cacert");
    }

    @Test
    void withoutTheTokenAuthenticationFails() throws Exception {
        ArtifactRun result = ArtifactRun.of(temp, Map.of(), "--url", "https://localhost:" + mock.port(), "--cacert",
                CERTIFICATES.ca().toString(), "--snapshot", temp.resolve("s.json").toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("authentication failed")
                .contains("https://localhost:" + mock.port());
    }

    @Test
    void aTokenPipedOnStandardInputIsSentAndShownNowhere() throws Exception {
        Path snapshot = temp.resolve("s.json");
        MonitorProcess run = withTokenOnStandardInput(TOKEN, "--snapshot", snapshot.toString(), "--avg", "--verbose",
                "--min-healthy", "0");

        assertThat(run.exitCode(Duration.ofSeconds(60))).as(run.err()).isZero();
        assertThat(run.out()).as("the API answered the authorised requests").contains("AVG CPU", "AuthService");
        assertThat(snapshot).isRegularFile();
        Secret.token(TOKEN).assertNotIn("stdout", run.out());
        Secret.token(TOKEN).assertNotIn("stderr", run.err());
        Secret.token(TOKEN).assertNotInFilesUnder(temp);
    }

    @Test
    void aWrongTokenOnStandardInputFailsAuthentication() throws Exception {
        String wrong = "wrong-token-0d17f3";
        MonitorProcess run = withTokenOnStandardInput(wrong, "--snapshot", temp.resolve("s.json").toString());

        assertThat(run.exitCode(Duration.ofSeconds(60))).isEqualTo(3);
        assertThat(run.err()).contains("authentication failed").contains("https://localhost:" + mock.port());
        for (Secret secret : List.of(Secret.token(wrong), Secret.token(TOKEN))) {
            secret.assertNotIn("stdout", run.out());
            secret.assertNotIn("stderr", run.err());
        }
    }

    /** target/monitor with {@code --token-file -}, the token written to its standard input as a pipe would. */
    private MonitorProcess withTokenOnStandardInput(String token, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--url", "https://localhost:" + mock.port(), "--cacert",
                CERTIFICATES.ca().toString(), "--token-file", "-"));
        all.addAll(Arrays.asList(args));
        MonitorProcess run = MonitorProcess.start(all);
        try (OutputStream stdin = run.process().getOutputStream()) {
            stdin.write((token + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return run;
    }
}
