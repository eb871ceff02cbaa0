package dev.monitor.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void readsSecondsAndHttpDates() {
        assertThat(RetryAfter.parse("7", NOW)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Thu, 26 Nov 2026 09:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Thu, 26 Nov 2026 08:59:00 GMT", NOW)).as("a date past").contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    }
}
