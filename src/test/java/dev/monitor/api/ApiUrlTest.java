package dev.monitor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

/** The API's base URL from its parts: every part given is kept, and nothing but a host is taken as one. */
class ApiUrlTest {

    @Test
    void aHostAndPortMakeAUrlThatHoldsBoth() {
        assertThat(ApiUrl.of("cluster-1.example", 8080)).isEqualTo(URI.create("http://cluster-1.example:8080"));
        assertThat(ApiUrl.of("10.0.0.1", 1)).isEqualTo(URI.create("http://10.0.0.1:1"));
        assertThat(ApiUrl.of("fe80::1", 65535)).isEqualTo(URI.create("http://[fe80::1]:65535"));
        assertThat(ApiUrl.of("[::1]", 80)).isEqualTo(URI.create("http://[::1]:80"));
        assertThat(ApiUrl.of("localhost.", 80)).isEqualTo(URI.create("http://localhost.:80"));
    }

    @Test
    void aUrlKeepsItsPathAsTypedAndNeedsAPortAUrlCanReach() {
        assertThat(ApiUrl.parse("https://cluster/api%2Fv1//")).isEqualTo(URI.create("https://cluster:443/api%2Fv1"));
        assertThatThrownBy(() -> ApiUrl.parse("http://cluster:0/")).hasMessage("must have a port between 1 and 65535, "
                + "not 0");
        assertThatThrownBy(() -> ApiUrl.parse("http://cluster:99999/")).hasMessage("must have a port between 1 and "
                + "65535, not 99999");
    }

    @Test
    void onlyLocalhostAndLoopbackAddressesAreLoopback() {
        for (String local : new String[] { "localhost", "LOCALHOST.", "api.localhost", "127.0.0.1", "127.8.9.10",
                "[::1]", "[::ffff:127.0.0.1]" }) {
            assertThat(ApiUrl.isLoopback(URI.create("http://" + local + ":80"))).as(local).isTrue();
        }
        for (String remote : new String[] { "cluster.example", "localhost.example", "10.0.0.1", "128.0.0.1",
                "[fe80::1]", "[::2]" }) {
            assertThat(ApiUrl.isLoopback(URI.create("http://" + remote + ":80"))).as(remote).isFalse();
        }
    }
}
