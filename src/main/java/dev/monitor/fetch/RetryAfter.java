package dev.monitor.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

/**
 * {@code Retry-After} on a 429 or 503: how long the API asked us to wait before trying again, in seconds or
 * as an HTTP date. Honoured when it fits in a request's timeout; a longer wait is not retried at all, since
 * the API said it would not answer sooner.
 */
final class RetryAfter {

    private RetryAfter() {
    }

    static Optional<Duration> of(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof ProcessingException && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (!(cause instanceof WebApplicationException web)) {
            return Optional.empty();
        }
        return of(web.getResponse());
    }

    /** The wait a 429 or 503 asks for, when it says one that can be read. */
    static Optional<Duration> of(Response response) {
        int status = response.getStatus();
        String header = response.getHeaderString("Retry-After");
        if ((status != 429 && status != 503) || header == null) {
            return Optional.empty();
        }
        return parse(header.trim(), Instant.now());
    }

    static Optional<Duration> parse(String header, Instant now) {
        if (header.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(header)));
        }
        try {
            Duration wait = Duration.between(now,
                    ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** True unless the API asked for a longer wait than {@code budget}. */
    static boolean fitsIn(Throwable failure, Duration budget) {
        return of(failure).map(wait -> wait.compareTo(budget) <= 0).orElse(true);
    }

    /** Waits as the API asked (nothing when it did not), then lets the failure go on to the retry. */
    static Uni<Void> pause(Throwable failure) {
        return of(failure).filter(wait -> !wait.isZero())
                .map(wait -> Uni.createFrom().voidItem().onItem().delayIt().by(wait))
                .orElse(Uni.createFrom().voidItem());
    }
}
