package dev.monitor.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.ProcessingException;

import org.junit.jupiter.api.Test;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.impl.NoStackTraceTimeoutException;

class FailureReasonsTest {

    @Test
    void theClientsOwnIdleTimeoutReadsAsATimeoutAndIsTriedAgain() {
        ProcessingException idle = new ProcessingException(
                new NoStackTraceTimeoutException("The timeout period of 3000ms has been exceeded while executing GET"));

        assertThat(FailureReasons.describe(idle)).isEqualTo("timed out");
        assertThat(FailureReasons.isTransient(idle)).isTrue();
    }

    @Test
    void aClosedConnectionIsTriedAgain() {
        ProcessingException closed = new ProcessingException(new HttpClosedException("Connection was closed"));

        assertThat(FailureReasons.describe(closed)).isEqualTo("connection closed before the answer was complete");
        assertThat(FailureReasons.isTransient(closed)).isTrue();
    }
}
