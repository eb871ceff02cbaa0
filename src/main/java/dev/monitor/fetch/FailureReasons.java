package dev.monitor.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.monitor.analysis.Durations;
import dev.monitor.text.Printable;
import io.vertx.core.http.HttpClosedException;

/** Says in a few words why a request failed, and whether trying again could help. */
final class FailureReasons {

    /** {@link HttpClosedException}'s own message. */
    private static final String CLOSED_MESSAGE = "Connection was closed";

    /** What a failure that none of the others describe is called: Java's words would tell the user nothing. */
    private static final String UNEXPECTED = "the request failed unexpectedly";

    private FailureReasons() {
    }

    static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof DeadlineExceededException deadline) {
            return deadline.getMessage();
        }
        if (cause instanceof TimeoutException) {
            // The client's own idle timeout, should it come before the request's deadline on a loaded machine.
            return "timed out";
        }
        if (cause instanceof WebApplicationException web) {
            return httpStatus(web.getResponse());
        }
        String tls = TlsFailures.describe(failure);
        if (tls != null) {
            return tls;
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host " + Printable.of(cause.getMessage());
        }
        if (cause instanceof JsonProcessingException json) {
            // Jackson goes on to list every token it would have accepted: the first clause says enough.
            String message = json.getOriginalMessage();
            int expected = message.indexOf(": expected");
            return "malformed JSON: " + Printable.of(expected > 0 ? message.substring(0, expected) : message);
        }
        if (cause instanceof InvalidAnswerException invalid) {
            return invalid.getMessage();
        }
        if (isReset(failure)) {
            return "connection reset";
        }
        if (isClosedConnection(failure)) {
            return isClosedBeforeAnswer(failure) ? "connection closed by the server"
                    : "connection closed by the server before the answer was complete";
        }
        String broken = ProtocolFailures.describe(failure);
        return broken != null ? broken : UNEXPECTED;
    }

    /**
     * The status, in words where the user has something to do about it. No header's value is shown: the server
     * chose it, and it may carry what should not reach a terminal or a log.
     */
    private static String httpStatus(Response response) {
        int status = response.getStatus();
        if (!ProtocolFailures.isStatus(status)) {
            return ProtocolFailures.badStatusLine();
        }
        if (status == 401 || status == 403) {
            return "authentication failed (HTTP " + status + "): check the token or credentials";
        }
        if (status >= 300 && status < 400 && response.getHeaderString("Location") != null) {
            // Never followed: a redirect could lead the credentials to another origin.
            return "HTTP " + status + " redirect, not followed; give --url the address it points to";
        }
        if (status == 429 || status == 503) {
            // The wait as monitor read it, never the header as sent.
            return RetryAfter.of(response)
                    .map(wait -> "HTTP " + status + " (asked to wait " + Durations.format(wait) + ")")
                    .orElse("HTTP " + status);
        }
        return "HTTP " + status;
    }

    /** Connection failures, timeouts and 5xx may pass; a 4xx or a malformed answer will not. */
    static boolean isTransient(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof WebApplicationException web) {
            // 429: the API asks to slow down, so a later try (after its Retry-After) may pass.
            return isBusy(web.getResponse().getStatus());
        }
        if (cause instanceof JsonProcessingException || cause instanceof InvalidAnswerException
                || TlsFailures.describe(failure) != null || isBrokenRule(failure)) {
            return false;
        }
        // A closed connection is what a kept-alive connection meets when the other end (a proxy, a load balancer)
        // closed it while it waited in the pool: a GET can safely go again on a new one.
        return cause instanceof IOException || cause instanceof DeadlineExceededException
                || cause instanceof TimeoutException || isClosedConnection(cause);
    }

    /**
     * The other end closed the connection before its answer was complete. Vert.x says so with an
     * {@link HttpClosedException}, which the REST client passes on as a plain {@code IOException} with only its
     * message.
     */
    static boolean isClosedConnection(Throwable failure) {
        return ProtocolFailures.causes(failure).anyMatch(cause -> cause instanceof HttpClosedException
                || cause instanceof IOException && cause.getMessage() != null
                        && cause.getMessage().startsWith(CLOSED_MESSAGE));
    }

    /** Closed before the status line came whole: nothing of an answer, as a TLS port does to plain HTTP. */
    static boolean isClosedBeforeAnswer(Throwable failure) {
        return isClosedConnection(failure)
                && ProtocolFailures.causes(failure).noneMatch(BrokenBodyException.class::isInstance);
    }

    private static boolean isReset(Throwable failure) {
        return ProtocolFailures.causes(failure).anyMatch(cause -> cause.getMessage() != null
                && cause.getMessage().toLowerCase(Locale.ROOT).contains("connection reset"));
    }

    /** An answer that broke a rule of HTTP, unless the connection closing under it was all that broke. */
    private static boolean isBrokenRule(Throwable failure) {
        return !isClosedConnection(failure) && !isReset(failure) && ProtocolFailures.describe(failure) != null;
    }

    /** A 5xx or a 429: the API, or something in front of it, is busy or down for now. */
    private static boolean isBusy(int status) {
        return status >= 500 && status <= 599 || status == 429;
    }

    /**
     * Whether the server answered, even with a 4xx or a body that cannot be used: that tells something about it.
     * A refused, reset or closed connection, a timeout, a TLS failure, a 5xx or a 429 may come from the API or the
     * network in front of it, and tell nothing about the server.
     */
    static boolean isAnswer(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof WebApplicationException web) {
            return !isBusy(web.getResponse().getStatus());
        }
        return cause instanceof JsonProcessingException || cause instanceof InvalidAnswerException
                || isBrokenRule(failure);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ProcessingException || cause instanceof UncheckedIOException
                || cause instanceof BrokenBodyException || cause.getClass() == RuntimeException.class)
                && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
