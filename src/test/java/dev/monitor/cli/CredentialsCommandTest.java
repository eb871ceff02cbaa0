package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.testing.MockClusterExtension;
import dev.monitor.testing.Launches;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * Bearer tokens and basic authentication against the mock when it requires them: the secret reaches the API,
 * and appears nowhere else, not in stdout, stderr, {@code --verbose} or the snapshot.
 */
@QuarkusMainTest
class CredentialsCommandTest {

    private static final String TOKEN = "tok-8f3a2c91d4e7b6a5";

    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(20, 50);

    @TempDir
    Path temp;

    @BeforeEach
    void requireTheToken() {
        mock.cluster().requireAuthorization("Bearer " + TOKEN);
    }

    @AfterEach
    void openAgain() {
        mock.cluster().requireAuthorization(null);
    }

    private LaunchResult run(QuarkusMainLauncher launcher, String... args) {
        return Launches.launch(launcher, List.of("--snapshot", temp.resolve("snapshot.json").toString(),
                "--retries", "0"), args);
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(temp.resolve(name), content);
    }

    @Test
    void theTokenFromAFileReachesTheApiAndNothingElse(QuarkusMainLauncher launcher) throws Exception {
        Path tokenFile = file("token", TOKEN + "\n");
        int before = mock.cluster().requestCount();

        LaunchResult result = run(launcher, "--url", mock.url(), "--token-file", tokenFile.toString(),
                "--printservers", "--avg", "--verbose");

        assertThat(result.exitCode()).isZero();
        assertThat(mock.cluster().requestCount() - before).as("every request carried the token").isEqualTo(21);
        assertThat(result.getOutput()).contains("10.58.1.20").doesNotContain(TOKEN);
        assertThat(result.getErrorOutput()).contains("fetched 20 servers").doesNotContain(TOKEN);
        assertThat(Files.readString(temp.resolve("snapshot.json"))).doesNotContain(TOKEN);
    }

    @Test
    void withoutTheTokenAuthenticationFailsWithTheUrlAndExitThree(QuarkusMainLauncher launcher) {
        LaunchResult result = run(launcher, "--url", mock.url());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput()).contains("authentication failed").contains(mock.url() + "/servers");
    }

    @Test
    void aMissingTokenFileIsAUsageErrorInWords(QuarkusMainLauncher launcher) {
        LaunchResult result = run(launcher, "--url", mock.url(), "--token-file", "/nonexistent/token");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput())
                .startsWith("monitor: --token-file /nonexistent/token: cannot read it (no directory /nonexistent)")
                .doesNotContain("Exception");
    }

    @Test
    void aWrongTokenFailsWithoutShowingIt(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult result = run(launcher, "--url", mock.url(), "--token-file",
                file("wrong", "not-the-token-42").toString(), "--verbose");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput()).contains("authentication failed").doesNotContain("not-the-token-42");
    }

    @Test
    void basicAuthenticationIsSentFromItsFile(QuarkusMainLauncher launcher) throws Exception {
        mock.cluster().requireAuthorization("Basic "
                + Base64.getEncoder().encodeToString("ops:pa55:word".getBytes(StandardCharsets.UTF_8)));

        LaunchResult result = run(launcher, "--url", mock.url(), "--basic-auth-file",
                file("basic", "ops:pa55:word\n").toString(), "--verbose");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput() + result.getErrorOutput()).doesNotContain("pa55");
    }

    @Test
    void unusableSecretsAreUsageErrorsThatDoNotQuoteThem(QuarkusMainLauncher launcher) throws Exception {
        String basic = file("basic", "no-colon-secret").toString();
        for (String[] args : List.of(
                new String[] { "--token-file", temp.resolve("missing").toString() },
                new String[] { "--token-file", file("empty", "\n").toString() },
                new String[] { "--basic-auth-file", basic },
                new String[] { "--token-file", basic, "--basic-auth-file", basic })) {
            LaunchResult result = run(launcher, concat(new String[] { "--url", mock.url() }, args));
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(3);
            assertThat(result.getErrorOutput()).as(String.join(" ", args)).startsWith("monitor: ")
                    .doesNotContain("no-colon-secret").doesNotContain("\tat ");
        }
    }

    @Test
    void aRedirectToAnotherOriginIsNotFollowedAndTheTokenStaysHome(QuarkusMainLauncher launcher) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            List<String> elsewhere = new CopyOnWriteArrayList<>();
            HttpServer other = listen(vertx, request -> {
                elsewhere.add(String.valueOf(request.getHeader("Authorization")));
                request.response().setStatusCode(200).end("[]");
            });
            List<String> home = new CopyOnWriteArrayList<>();
            HttpServer redirecting = listen(vertx, request -> {
                home.add(String.valueOf(request.getHeader("Authorization")));
                request.response().setStatusCode(302)
                        .putHeader("Location", "http://localhost:" + other.actualPort() + "/servers").end();
            });

            LaunchResult result = run(launcher, "--url", "http://127.0.0.1:" + redirecting.actualPort(),
                    "--token-file", file("token", TOKEN).toString());

            assertThat(home).as("the API's own origin got the token").containsExactly("Bearer " + TOKEN);
            assertThat(elsewhere).as("the other origin got nothing, token least of all").isEmpty();
            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.getErrorOutput()).contains("HTTP 302 redirect, not followed")
                    .as("the Location is the server's to choose, never shown").doesNotContain(":" + other.actualPort())
                    .doesNotContain(TOKEN);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static HttpServer listen(Vertx vertx, io.vertx.core.Handler<io.vertx.core.http.HttpServerRequest> handler) {
        return vertx.createHttpServer().requestHandler(handler).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
