package dev.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.testing.MockClusterExtension;
import dev.monitor.testing.Secret;

/**
 * Secrets given through the environment and the contexts file, which only a process of its own can be given: a
 * secret that could not travel in a header is refused in one line that never shows it, and a URL's secret parts
 * are never repeated, in stdout, stderr, the snapshot, its history or the report file.
 */
class SecretsIT {

    private static final String HINT = "Try 'monitor --help' for more information.";

    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(20, 50);

    @TempDir
    Path temp;

    /** A run that writes every file a secret could reach. */
    private ArtifactRun check(Map<String, String> env) throws Exception {
        return ArtifactRun.of(temp, env, "--url", mock.url(), "--snapshot", temp.resolve("s.json").toString(),
                "--refresh", "-o", "json", "--output-file", temp.resolve("report.json").toString());
    }

    private void assertShownNowhere(ArtifactRun run, String... forms) throws Exception {
        Secret secret = Secret.inForms("secret", forms);
        secret.assertNotIn(run);
        secret.assertNotInFiles(Stream.of("s.json", "s.history.json", "report.json").map(temp::resolve).toList());
    }

    @Test
    void aSecretFromTheEnvironmentThatCannotTravelInAHeaderIsRefusedWithoutShowingIt() throws Exception {
        int before = mock.cluster().requestCount();
        Map<String, String> tokens = Map.of(
                "hd71a\ntl93c", "holds a line break",
                "hd71a\n tl93c", "holds a line break",
                "hd71a\u0001tl93c", "holds a control character",
                "hd71a\u007ftl93c", "holds a control character");
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            ArtifactRun run = check(Map.of("MONITOR_TOKEN", token.getKey()));

            assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
            assertThat(run.err()).isEqualTo("monitor: $MONITOR_TOKEN " + token.getValue()
                    + ": a bearer token is printable ASCII, without spaces\n" + HINT + "\n");
            assertShownNowhere(run, "hd71a", "tl93c", "Bearer");
        }
        String basic = "ops:pw5e2\u007fc8d1";
        ArtifactRun run = check(Map.of("MONITOR_BASIC_AUTH", basic));

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("monitor: $MONITOR_BASIC_AUTH holds a control character: user:password "
                + "is printable text\n");
        assertShownNowhere(run, "pw5e2", "c8d1",
                Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        assertThat(mock.cluster().requestCount()).as("no request went out").isEqualTo(before);
    }

    @Test
    void aContextsUrlOrProxyIsRefusedWithoutRepeatingItsSecretParts() throws Exception {
        Map<String, String> env = Map.of("MONITOR_CONFIG", temp.resolve("config.yaml").toString());
        ArtifactRun query = ArtifactRun.of(temp, env, "context", "add", "prod", "--url",
                "http://cluster:8080/?token=s3a");
        ArtifactRun proxy = ArtifactRun.of(temp, env, "context", "add", "prod", "--url", "http://cluster:8080",
                "--proxy", "http://ops:pass s3b@proxy:3128");
        Files.writeString(temp.resolve("config.yaml"), """
                current-context: prod
                contexts:
                  prod:
                    url: http://ops:s3c@cluster:8080/#s3d
                """);
        ArtifactRun run = ArtifactRun.of(temp, env, "--avg");
        ArtifactRun list = ArtifactRun.of(temp, env, "context", "list");

        assertThat(query.err()).startsWith("monitor: --url must not have a query or fragment, not "
                + "'http://cluster:8080/?***'\n");
        assertThat(proxy.err()).startsWith("monitor: --proxy is not a proxy URL like http://proxy.example:3128\n");
        assertThat(run.err()).startsWith("monitor: " + temp.resolve("config.yaml") + ": context 'prod': url must not "
                + "carry credentials");
        assertThat(List.of(query.exitCode(), proxy.exitCode(), run.exitCode())).containsOnly(3);
        assertThat(list.out()).isEqualTo("* prod  broken: url must not carry credentials: give them with "
                + "--basic-auth-file or $MONITOR_BASIC_AUTH\n");
        for (ArtifactRun each : List.of(query, proxy, run, list)) {
            assertThat(each.out() + each.err()).doesNotContain("s3");
        }
    }
}
