package dev.monitor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.monitor.testing.Secret;

/** The proxy chosen for an endpoint, read from the environment as curl reads it. */
class ProxySelectionTest {

    private static final URI HTTPS = URI.create("https://api.cluster.example.com:8443");
    private static final URI HTTP = URI.create("http://api.cluster.example.com:8080");

    @Test
    void httpsUsesEitherCaseOfHttpsProxyLowerCaseFirst() {
        assertThat(ProxySelection.choose(HTTPS, null, Map.of("HTTPS_PROXY", "http://up:3128")))
                .isEqualTo(new ProxyRoute("up", 3128, null));
        assertThat(ProxySelection.choose(HTTPS, null, Map.of("HTTPS_PROXY", "http://up:3128",
                "https_proxy", "http://low:3128")).host()).isEqualTo("low");
    }

    @Test
    void httpUsesOnlyTheLowerCaseHttpProxy() {
        assertThat(ProxySelection.choose(HTTP, null, Map.of("http_proxy", "proxy:8888")))
                .isEqualTo(new ProxyRoute("proxy", 8888, null));
        assertThat(ProxySelection.choose(HTTP, null, Map.of("HTTP_PROXY", "http://proxy:8888")).isNone()).isTrue();
        assertThat(ProxySelection.choose(HTTP, null, Map.of("https_proxy", "http://proxy:8888")).isNone()).isTrue();
    }

    @Test
    void credentialsComeFromTheUrlAndNeverShow() {
        ProxyRoute route = ProxySelection.choose(HTTPS, null, Map.of("https_proxy", "http://ops:p%40ss@proxy:3128"));

        assertThat(route.userInfo()).isEqualTo("ops:p@ss");
        assertThat(route).hasToString("http://***@proxy:3128");
    }

    @Test
    void aPortlessProxyUsesCurlsDefault() {
        assertThat(ProxySelection.choose(HTTPS, null, Map.of("https_proxy", "proxy")).port()).isEqualTo(1080);
    }

    @Test
    void noProxyMatchesNamesTheirSubdomainsAddressesAndRanges() {
        for (String list : new String[] { "*", ".example.com", "example.com", "other.org, cluster.example.com",
                "api.cluster.example.com" }) {
            assertThat(ProxySelection.choose(HTTPS, null, Map.of("https_proxy", "http://p:1", "no_proxy", list))
                    .isNone()).as(list).isTrue();
        }
        assertThat(ProxySelection.choose(HTTPS, null, Map.of("https_proxy", "http://p:1", "NO_PROXY", "ample.com"))
                .isNone()).as("a suffix that is not a whole label does not match").isFalse();
        URI address = URI.create("https://10.1.2.3");
        assertThat(ProxySelection.choose(address, null, Map.of("https_proxy", "http://p:1", "no_proxy", "10.0.0.0/8"))
                .isNone()).isTrue();
        assertThat(ProxySelection.choose(address, null, Map.of("https_proxy", "http://p:1", "no_proxy", "10.1.2.4"))
                .isNone()).isFalse();
    }

    @Test
    void theOptionOverridesTheEnvironmentButMayNotCarryCredentials() {
        assertThat(ProxySelection.choose(HTTPS, "http://option:3128", Map.of("https_proxy", "http://env:1")).host())
                .isEqualTo("option");
        assertThatThrownBy(() -> ProxySelection.choose(HTTPS, "http://ops:secret@option:3128", Map.of()))
                .hasMessageContaining("--proxy must not carry credentials")
                .satisfies(e -> Secret.password("ops", "secret").assertNotIn("the message", e.getMessage()));
        assertThatThrownBy(() -> ProxySelection.choose(HTTPS, "socks5://option:1080", Map.of()))
                .hasMessageContaining("http:// proxy URL");
    }
}
