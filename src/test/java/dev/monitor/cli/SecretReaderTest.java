package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.api.Credentials;
import dev.monitor.testing.Secret;

/** Where the credentials come from, and that no message about them quotes them. */
class SecretReaderTest {

    @TempDir
    Path temp;

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTokenFileDashIsReadFromStandardInput() {
        SecretReader reader = new SecretReader(Map.of(), stdin("from-stdin-77\n"));

        assertThat(reader.credentials("-", null)).contains(new Credentials.Bearer("from-stdin-77"));
    }

    @Test
    void theEnvironmentGivesTheSecretWhenNoFileIsNamed() {
        assertThat(new SecretReader(Map.of("MONITOR_TOKEN", "env-token"), stdin("")).credentials(null, null))
                .contains(new Credentials.Bearer("env-token"));
        assertThat(new SecretReader(Map.of("MONITOR_BASIC_AUTH", "ops:pw"), stdin("")).credentials(null, null))
                .contains(new Credentials.Basic("ops:pw"));
        assertThat(new SecretReader(Map.of(), stdin("")).credentials(null, null)).isEmpty();
    }

    @Test
    void aFileNamedByAnOptionBeatsTheEnvironment() throws Exception {
        Path file = Files.writeString(temp.resolve("token"), "file-token\n");
        SecretReader reader = new SecretReader(Map.of("MONITOR_TOKEN", "env-token"), stdin(""));

        assertThat(reader.credentials(file.toString(), null)).contains(new Credentials.Bearer("file-token"));
    }

    @Test
    void bothKindsFromTheEnvironmentAreRefusedWithoutQuotingThem() {
        SecretReader reader = new SecretReader(Map.of("MONITOR_TOKEN", "env-token", "MONITOR_BASIC_AUTH", "ops:pw"),
                stdin(""));

        assertThatThrownBy(() -> reader.credentials(null, null))
                .hasMessageContaining("MONITOR_TOKEN and MONITOR_BASIC_AUTH")
                .satisfies(e -> Secret.token("env-token").assertNotIn("the message", e.getMessage()))
                .satisfies(e -> Secret.password("ops", "pw").assertNotIn("the message", e.getMessage()));
    }

    @Test
    void credentialsShowAsStarsAndSendTheHeader() {
        Credentials bearer = new Credentials.Bearer("s3cret");
        Credentials basic = new Credentials.Basic("ops:s3cret");

        assertThat(bearer.toString()).isEqualTo("Bearer ***");
        assertThat(basic.toString()).isEqualTo("Basic ***");
        assertThat(bearer.authorization()).isEqualTo("Bearer s3cret");
        assertThat(basic.authorization()).isEqualTo("Basic b3BzOnMzY3JldA==");
    }
}
