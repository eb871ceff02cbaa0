package dev.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.testing.HttpsMockClusterExtension;
import dev.monitor.testing.MockClusterExtension;
import dev.monitor.testing.Secret;

/**
 * The packaged artifact, run with proxy environment variables as curl reads them, through a real proxy
 * ({@code tinyproxy}) to the mock: over HTTPS through a CONNECT tunnel, and over plain HTTP.
 */
class ProxyIT {

    @RegisterExtension
    static TinyproxyProcess proxy = new TinyproxyProcess();

    @RegisterExtension
    static HttpsMockClusterExtension https = new HttpsMockClusterExtension(20, 50, false);

    @RegisterExtension
    static MockClusterExtension http = new MockClusterExtension(20, 50);

    @TempDir
    Path temp;

    private ArtifactRun monitor(Map<String, String> env, String... args) throws Exception {
        // One try each, so the proxy's log counts the requests; with a deadline a busy machine meets (the default
        // 5 s once ran out on a TLS handshake at a load of 20 on two cores).
        List<String> all = new ArrayList<>(List.of("--snapshot", temp.resolve("s.json").toString(), "--refresh",
                "--retries", "0", "--timeout", "30s"));
        all.addAll(Arrays.asList(args));
        return ArtifactRun.of(temp, env, all.toArray(String[]::new));
    }

    private String proxyUrl() {
        return "http://" + TinyproxyProcess.USER + ":" + TinyproxyProcess.PASSWORD + "@127.0.0.1:" + proxy.port();
    }

    @Test
    void httpsGoesThroughTheProxyInHttpsProxyWithItsCredentialsHidden() throws Exception {
        int before = proxy.requests().size();

        ArtifactRun run = monitor(Map.of("HTTPS_PROXY", proxyUrl()), "--url", https.url(), "--cacert",
                https.certificates().ca().toString(), "--verbose");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> tunnelled = proxy.requests().subList(before, proxy.requests().size());
        assertThat(tunnelled).anyMatch(line -> line.contains("CONNECT 127.0.0.1:" + https.port()));
        assertThat(run.err()).contains("through the proxy http://***@127.0.0.1:" + proxy.port());
        Secret.password(TinyproxyProcess.USER, TinyproxyProcess.PASSWORD).assertNotIn(run);
        Secret.password(TinyproxyProcess.USER, TinyproxyProcess.PASSWORD).assertNotInFilesUnder(temp);
    }

    @Test
    void plainHttpGoesThroughTheLowerCaseHttpProxy() throws Exception {
        int before = proxy.requests().size();

        ArtifactRun run = monitor(Map.of("http_proxy", proxyUrl()), "--url", http.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> forwarded = proxy.requests().subList(before, proxy.requests().size());
        assertThat(forwarded).anyMatch(line -> line.contains("GET " + http.url() + "/servers"));
        assertThat(forwarded).as("/servers and 20 servers").hasSize(21);
    }

    @Test
    void theUpperCaseHttpProxyIsIgnoredAsCurlDoes() throws Exception {
        int before = proxy.requests().size();

        ArtifactRun run = monitor(Map.of("HTTP_PROXY", proxyUrl()), "--url", http.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(proxy.requests()).hasSize(before);
    }

    @Test
    void noProxyKeepsAMatchingHostAwayFromTheProxy() throws Exception {
        int before = proxy.requests().size();

        ArtifactRun direct = monitor(Map.of("HTTPS_PROXY", proxyUrl(), "NO_PROXY", "example.com,127.0.0.1"), "--url",
                https.url(), "--cacert", https.certificates().ca().toString());
        ArtifactRun subdomain = monitor(Map.of("https_proxy", proxyUrl(), "no_proxy", ".localhost"), "--url",
                "https://localhost:" + https.port(), "--cacert", https.certificates().ca().toString());

        assertThat(direct.exitCode()).as(direct.err()).isZero();
        assertThat(subdomain.exitCode()).as(subdomain.err()).isZero();
        assertThat(proxy.requests()).as("the proxy saw none of it").hasSize(before);
    }

    @Test
    void theProxyOptionOverridesTheEnvironmentButTakesNoCredentials() throws Exception {
        ArtifactRun withCredentials = monitor(Map.of(), "--url", http.url(), "--proxy", proxyUrl());
        assertThat(withCredentials.exitCode()).isEqualTo(3);
        assertThat(withCredentials.err()).contains("--proxy must not carry credentials").contains("http_proxy");
        Secret.password(TinyproxyProcess.USER, TinyproxyProcess.PASSWORD).assertNotIn("stderr", withCredentials.err());

        ArtifactRun wrongProxy = monitor(Map.of("http_proxy", proxyUrl()), "--url", http.url(), "--proxy",
                "http://127.0.0.1:1");
        assertThat(wrongProxy.exitCode()).as("the --proxy, not the working one in http_proxy, was used")
                .isEqualTo(3);
    }
}
