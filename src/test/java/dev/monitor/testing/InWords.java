package dev.monitor.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** What a reason monitor gives a user may not hold: Java's words, or anything a {@link HostileServer}'s header said. */
public final class InWords {

    private InWords() {
    }

    /** No Java class, package or exception name, no control character, and no header value of the hostile server. */
    public static void assertInWords(String text) {
        assertThat(text).doesNotContainPattern("[A-Z]\\w*(Exception|Error)\\b")
                .doesNotContainPattern("\\b(java|javax|jakarta|io\\.vertx|io\\.netty|org\\.jboss)\\.")
                .doesNotContain("\tat ")
                .doesNotContain("s3cr3t").doesNotContain("elsewhere").doesNotContain("2100")
                .doesNotContain("\u0001").doesNotContain("\u001b").doesNotContain("\u007f");
    }
}
