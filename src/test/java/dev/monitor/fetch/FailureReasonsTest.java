package dev.monitor.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

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
    void aClosedConnectionIsTriedAgainAndSaidInWords() {
        // As the REST client passes Vert.x's HttpClosedException on: a plain IOException with its message.
        ProcessingException closed = new ProcessingException(new IOException("Connection was closed"));

        assertThat(FailureReasons.describe(closed)).isEqualTo("connection closed by the server");
        assertThat(FailureReasons.isTransient(closed)).isTrue();
        assertThat(FailureReasons.isClosedConnection(closed)).isTrue();
        assertThat(FailureReasons.isAnswer(closed)).isFalse();
    }

    @Test
    void vertxsOwnClosedConnectionReadsTheSame() {
        ProcessingException closed = new ProcessingException(new HttpClosedException("Connection was closed"));

        assertThat(FailureReasons.describe(closed)).isEqualTo("connection closed by the server");
        assertThat(FailureReasons.isTransient(closed)).isTrue();
    }

    @Test
    void aFailureOfNoKnownKindIsSaidInWordsNotJavas() {
        ProcessingException unknown = new ProcessingException(
                new NullPointerException("Cannot invoke \"java.io.InputStream.readNBytes(int)\" because \"body\" is null"));

        assertThat(FailureReasons.describe(unknown)).isEqualTo("the request failed unexpectedly");
    }

    @Test
    void aClientErrorOrABadBodyIsAnAnswerButA5xxOrA429IsNot() {
        assertThat(FailureReasons.isAnswer(new WebApplicationException(404))).isTrue();
        assertThat(FailureReasons.isAnswer(new InvalidAnswerException("missing field memory"))).isTrue();
        assertThat(FailureReasons.isAnswer(new WebApplicationException(500))).isFalse();
        assertThat(FailureReasons.isAnswer(new WebApplicationException(429))).isFalse();
        assertThat(FailureReasons.isAnswer(new ProcessingException(new ConnectException("Connection refused"))))
                .isFalse();
        assertThat(FailureReasons.isAnswer(new DeadlineExceededException(Duration.ofSeconds(5)))).isFalse();
    }
}
