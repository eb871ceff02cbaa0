package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.mock.MockCluster;
import dev.monitor.testing.MockClusterExtension;
import dev.monitor.testing.Launches;
import dev.monitor.testing.Secret;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * Bearer tokens and basic authentication against the mock when it requires them: the secret reaches the API,
 * and appears nowhere else, in no form ({@link Secret}): not in stdout, stderr, {@code --verbose}, the snapshot,
 * the history or {@code --output-file}.
 */
@QuarkusTest
class CredentialsCommandTest {

    private static final String TOKEN = "tok-8f3a2c91d4e7b6a5";

    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(20, 50);

    private final QuarkusMainLauncher launcher = new CommandRuns();

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

    private LaunchResult run(String... args) {
        return Launches.launch(launcher, List.of("--snapshot", temp.resolve("snapshot.json").toString(),
                "--retries", "0"), args);
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(temp.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void theTokenFromAFileReachesTheApiAndNothingElse() throws Exception {
        Path tokenFile = file("token", TOKEN + "\n");
        int before = mock.cluster().requestCount();

        LaunchResult result = run("--url", mock.url(), "--token-file", tokenFile.toString(),
                "--printservers", "--avg", "--verbose");
        LaunchResult toFile = run("--url", mock.url(), "--token-file", tokenFile.toString(), "--refresh",
                "-o", "json", "--output-file", temp.resolve("report.json").toString(), "--verbose");

        assertThat(result.exitCode()).isZero();
        assertThat(toFile.exitCode()).isZero();
        assertThat(mock.cluster().requestCount() - before).as("every request carried the token").isEqualTo(42);
        assertThat(result.getOutput()).contains("10.58.1.20");
        assertThat(result.getErrorOutput()).contains("fetched 20 servers");
        assertThat(temp.resolve("report.json")).content().contains("10.58.1.20");
        assertThat(temp.resolve("snapshot.history.json")).as("the files searched below").isRegularFile();
        for (LaunchResult each : List.of(result, toFile)) {
            Secret.token(TOKEN).assertNotIn(each);
        }
        Secret.token(TOKEN).assertNotInFilesUnder(temp, tokenFile);
    }

    @Test
    void withoutTheTokenAuthenticationFailsWithTheUrlAndExitThree() {
        LaunchResult result = run("--url", mock.url());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput()).contains("authentication failed").contains(mock.url() + "/servers");
    }

    @Test
    void aMissingTokenFileIsAUsageErrorInWords() {
        LaunchResult result = run("--url", mock.url(), "--token-file", "/nonexistent/token");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput())
                .startsWith("monitor: --token-file /nonexistent/token: cannot read it (no directory /nonexistent)")
                .doesNotContain("Exception");
    }

    @Test
    void aWrongTokenFailsWithoutShowingIt() throws Exception {
        Path wrong = file("wrong", "not-the-token-42");
        LaunchResult result = run("--url", mock.url(), "--token-file", wrong.toString(), "--verbose",
                "-o", "json", "--output-file", temp.resolve("report.json").toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput()).contains("authentication failed");
        assertThat(temp.resolve("report.json")).content().contains("authentication failed");
        Secret.token("not-the-token-42").assertNotIn(result);
        Secret.token("not-the-token-42").assertNotInFilesUnder(temp, wrong);
    }

    @Test
    void basicAuthenticationIsSentFromItsFile() throws Exception {
        mock.cluster().requireAuthorization("Basic "
                + Base64.getEncoder().encodeToString("ops:pa55:word".getBytes(StandardCharsets.UTF_8)));

        Path basic = file("basic", "ops:pa55:word\n");
        LaunchResult result = run("--url", mock.url(), "--basic-auth-file", basic.toString(), "--verbose");
        LaunchResult toFile = run("--url", mock.url(), "--basic-auth-file", basic.toString(), "--refresh",
                "-o", "json", "--output-file", temp.resolve("report.json").toString());

        assertThat(result.exitCode()).isZero();
        assertThat(toFile.exitCode()).isZero();
        for (LaunchResult each : List.of(result, toFile)) {
            Secret.password("ops", "pa55:word").assertNotIn(each);
        }
        Secret.password("ops", "pa55:word").assertNotInFilesUnder(temp, basic);
    }

    @Test
    void unusableSecretsAreUsageErrorsThatDoNotQuoteThem() throws Exception {
        String basic = file("basic", "no-colon-secret").toString();
        for (String[] args : List.of(
                new String[] { "--token-file", temp.resolve("missing").toString() },
                new String[] { "--token-file", file("empty", "\n").toString() },
                new String[] { "--basic-auth-file", basic },
                new String[] { "--token-file", basic, "--basic-auth-file", basic })) {
            LaunchResult result = run(concat(new String[] { "--url", mock.url() }, args));
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(3);
            assertThat(result.getErrorOutput()).as(String.join(" ", args)).startsWith("monitor: ")
                    .doesNotContain("\tat ");
            Secret.token("no-colon-secret").assertNotIn(result);
        }
    }

    @Test
    void aRedirectToAnotherOriginIsNotFollowedAndTheTokenStaysHome() throws Exception {
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

            Path tokenFile = file("token", TOKEN);
            LaunchResult result = run("--url", "http://127.0.0.1:" + redirecting.actualPort(),
                    "--token-file", tokenFile.toString());

            assertThat(home).as("the API's own origin got the token").containsExactly("Bearer " + TOKEN);
            assertThat(elsewhere).as("the other origin got nothing, token least of all").isEmpty();
            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.getErrorOutput()).contains("HTTP 302 redirect, not followed")
                    .as("the Location is the server's to choose, never shown").doesNotContain(":" + other.actualPort());
            Secret.token(TOKEN).assertNotIn(result);
            Secret.token(TOKEN).assertNotInFilesUnder(temp, tokenFile);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    void aSecretThatCannotTravelInAHeaderIsRefusedInOneLineThatDoesNotQuoteIt()
            throws Exception {
        // A control character, DEL, a line break (ending the header), a folded line (continuing it), a space, and
        // a letter that is not ASCII: each as the whole secret's middle, with a distinct start and end to look for.
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("hd71a\u0001tl93c", "holds a control character");
        problems.put("hd71a\u007ftl93c", "holds a control character");
        problems.put("hd71a\ntl93c", "holds a line break");
        problems.put("hd71a\n tl93c", "holds a line break");
        problems.put("hd71a tl93c", "holds a space");
        problems.put("hd71a\u00e9tl93c", "holds a character that is not ASCII");
        int before = mock.cluster().requestCount();
        for (Map.Entry<String, String> problem : problems.entrySet()) {
            Path token = file("token", problem.getKey() + "\n");

            LaunchResult result = reportRun("--url", mock.url(), "--token-file", token.toString());

            assertThat(result.exitCode()).as(problem.getKey()).isEqualTo(3);
            assertThat(result.getErrorStream()).as(problem.getKey()).containsExactly("monitor: --token-file " + token
                    + " " + problem.getValue() + ": a bearer token is printable ASCII, without spaces",
                    "Try 'monitor --help' for more information.");
            assertShownNowhere(result, "hd71a", "tl93c", "Bearer");
        }
        Path basic = file("basic", "ops:pw5e2\u0001c8d1\n");
        LaunchResult result = reportRun("--url", mock.url(), "--basic-auth-file", basic.toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorStream()).first().isEqualTo("monitor: --basic-auth-file " + basic
                + " holds a control character: user:password is printable text");
        assertShownNowhere(result, "pw5e2", "c8d1", base64("ops:pw5e2\u0001c8d1"), "Basic");
        assertThat(mock.cluster().requestCount()).as("no request went out").isEqualTo(before);
    }

    @Test
    void aServerThatEchoesTheSecretInAHeaderHasItHiddenInEveryReport() throws Exception {
        String password = "pw-0b7e55a1";
        String encoded = base64("ops:" + password);
        Vertx vertx = Vertx.vertx();
        try {
            // Both servers answer with a header that goes into their row's reason, holding the secret as it was sent.
            HttpServer echoing = listen(vertx, request -> {
                switch (request.path()) {
                    case "/servers" -> request.response().end("[\"10.0.0.1\", \"10.0.0.2\"]");
                    case "/10.0.0.1" -> request.response().setStatusCode(302)
                            .putHeader("Location", "http://127.0.0.1:1/" + password + "/" + encoded).end();
                    default -> request.response().setStatusCode(429)
                            .putHeader("Retry-After", String.valueOf(request.getHeader("Authorization"))).end();
                }
            });

            LaunchResult result = reportRun("--url", "http://127.0.0.1:" + echoing.actualPort(),
                    "--basic-auth-file", file("basic", "ops:" + password).toString());

            // No header's value is shown at all; the reasons still say what each server did.
            assertThat(Files.readString(temp.resolve("report.json"))).as("the reasons are reported")
                    .contains("HTTP 302 redirect, not followed", "HTTP 429");
            assertShownNowhere(result, password, encoded);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    void aSecretSentOverPlainHttpToAnotherHostIsWarnedOfInOneLine() throws Exception {
        Optional<InetAddress> address = NetworkInterface.networkInterfaces()
                .filter(CredentialsCommandTest::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(candidate -> candidate instanceof Inet4Address && !candidate.isLoopbackAddress())
                .findFirst();
        assumeThat(address).as("a network address of this machine besides loopback, to send to").isPresent();
        String host = address.get().getHostAddress();
        MockCluster cluster = new MockCluster(150, Duration.ZERO, () -> 50).requireAuthorization("Bearer " + TOKEN);
        Vertx vertx = Vertx.vertx();
        try {
            int port = cluster.start(vertx, "0.0.0.0", 0).toCompletionStage().toCompletableFuture().join();
            String token = file("token", TOKEN).toString();

            LaunchResult remote = run("--url", "http://" + host + ":" + port, "--token-file", token);
            LaunchResult loopback = Launches.launch(launcher, List.of("--snapshot",
                    temp.resolve("loopback.json").toString()), "--url", mock.url(), "--token-file", token);

            assertThat(remote.exitCode()).as(remote.getErrorOutput()).isZero();
            assertThat(remote.getErrorStream()).containsExactly("monitor: warning: the token goes to " + host
                    + " over plain http://, readable by anyone on the way; use https:// to keep it secret");
            assertThat(loopback.exitCode()).isZero();
            assertThat(loopback.getErrorOutput()).as("127.0.0.1 is this machine: nothing to warn of").isEmpty();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    /** A run that writes every file a secret could reach: the snapshot, its history, and a JSON report. */
    private LaunchResult reportRun(String... args) {
        return Launches.launch(launcher, List.of("--snapshot", temp.resolve("snapshot.json").toString(),
                "--retries", "0", "--refresh", "-o", "json", "--output-file", temp.resolve("report.json").toString()),
                args);
    }

    /** Not in stdout, stderr, the snapshot, its history or the report: as typed, nor in any other form given. */
    private void assertShownNowhere(LaunchResult result, String... forms) throws IOException {
        Secret secret = Secret.inForms("secret", forms);
        secret.assertNotIn(result);
        secret.assertNotInFiles(Stream.of("snapshot.json", "snapshot.history.json", "report.json").map(temp::resolve)
                .toList());
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
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
