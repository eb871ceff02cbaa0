package dev.monitor.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Says in a few words why a request failed, and whether trying again could help. */
final class FailureReasons {

    private FailureReasons() {
    }

    static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof DeadlineExceededException deadline) {
            return deadline.getMessage();
        }
        if (cause instanceof WebApplicationException web) {
            return "HTTP " + web.getResponse().getStatus();
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host " + Printable.of(cause.getMessage());
        }
        if (cause instanceof JsonProcessingException json) {
            return "malformed JSON: " + Printable.of(json.getOriginalMessage());
        }
        if (cause instanceof InvalidAnswerException invalid) {
            return invalid.getMessage();
        }
        String message = cause.getMessage() == null ? "" : cause.getMessage().lines().findFirst().orElse("");
        if (message.toLowerCase().contains("connection reset")) {
            return "connection reset";
        }
        if (cause.getClass().getSimpleName().equals("HttpClosedException")) {
            return "connection closed before the answer was complete";
        }
        return Printable.of(cause.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message));
    }

    /** Connection failures, timeouts and 5xx may pass; a 4xx or a malformed answer will not. */
    static boolean isTransient(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof WebApplicationException web) {
            return web.getResponse().getStatus() >= 500;
        }
        if (cause instanceof JsonProcessingException || cause instanceof InvalidAnswerException) {
            return false;
        }
        return cause instanceof IOException || cause instanceof DeadlineExceededException
                || cause instanceof TimeoutException;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ProcessingException || cause.getClass() == RuntimeException.class)
                && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
