package dev.monitor.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The one step messages pass that could carry a secret: what it hides, and that it leaves the rest as it was. */
class RedactionTest {

    @Test
    void theRunsOwnSecretsAreHiddenInEveryFormTheyTravelIn() {
        Redaction redaction = Redaction.of(new Access(new TlsSettings(null, null, null, false),
                Optional.of(new Credentials.Basic("ops:pw-7f3a")), new ProxyRoute("proxy", 3128, "pu:px-91c2")));

        assertThat(redaction.apply("a prohibited character: b3BzOnB3LTdmM2E= in pw-7f3a, ops:pw-7f3a"))
                .isEqualTo("a prohibited character: *** in ***, ***");
        assertThat(redaction.apply("proxy said cHU6cHgtOTFjMg== to pu:px-91c2 and px-91c2"))
                .isEqualTo("proxy said *** to *** and ***");
    }

    @Test
    void credentialsAndTheSecretPartsOfUrlsAreHiddenWithoutKnowingThem() {
        assertThat(Redaction.PATTERNS.apply("a header value: Bearer abc.def-123, and Basic b3BzOnB3 (sent)"))
                .isEqualTo("a header value: Bearer ***, and Basic *** (sent)");
        assertThat(Redaction.PATTERNS.apply("Unmatched argument at index 0: 'http://ops:pass word@host:1/'"))
                .isEqualTo("Unmatched argument at index 0: 'http://***@host:1/'");
        assertThat(Redaction.PATTERNS.apply("redirect to https://h/login?next=/&token=t0k#top, not followed"))
                .isEqualTo("redirect to https://h/login?***, not followed");
        assertThat(Redaction.PATTERNS.apply("connection refused at http://127.0.0.1:8080/servers"))
                .isEqualTo("connection refused at http://127.0.0.1:8080/servers");
    }

    @Test
    void aTypedUrlIsQuotedWithoutItsUserQueryOrFragmentEvenWhenBroken() {
        assertThat(Redaction.typedUrl("http://ops:p w@host:1/path?token=t#f")).isEqualTo("http://***@host:1/path?***");
        assertThat(Redaction.typedUrl("ops:pw@host:1")).isEqualTo("***@host:1");
        assertThat(Redaction.typedUrl("http://host:1/#frag")).isEqualTo("http://host:1/#***");
        assertThat(Redaction.typedUrl("http://host:1/api")).isEqualTo("http://host:1/api");
    }
}
