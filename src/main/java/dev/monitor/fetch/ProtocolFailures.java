package dev.monitor.fetch;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.netty.handler.codec.DecoderException;

/**
 * Says in words which rule of HTTP/1.1 an answer broke, when the HTTP client refused to read it: a status line or
 * header that is not one, framing that says two things, chunks that break their own rules. Such an answer came
 * from the server (it is an answer), and the server would send it again (it is not worth a retry).
 *
 * <p>
 * Netty's decoder refuses these answers with exceptions of its own, but the REST client passes on those of the
 * status line and headers as a bare {@code IOException} or {@code IllegalArgumentException} that keeps only the
 * message; the messages are what is left to go by. One the list does not know is still said in monitor's words,
 * by {@link FailureReasons}.
 */
final class ProtocolFailures {

    static final String PREFIX = "malformed HTTP answer: ";

    /** A fragment of the decoder's message, and what it means. */
    private record Known(String fragment, String words) {
    }

    private static final String STATUS_LINE = "bad status line";
    private static final String HEADER_LINE = "bad header line";
    private static final String LENGTHS = "conflicting message lengths";

    /** What Netty 4.1 and Vert.x 4.5 say of a status line or headers they refuse. */
    private static final List<Known> HEAD = List.of(
            new Known("invalid version format", STATUS_LINE),
            new Known("Unsupported HTTP version", STATUS_LINE),
            new Known("code : ", STATUS_LINE),
            new Known("reasonPhrase", STATUS_LINE),
            new Known("An HTTP line is larger than", "status line too long"),
            new Known("HTTP header is larger than", "headers too large"),
            new Known("No colon found", HEADER_LINE),
            new Known("empty headers are not allowed", HEADER_LINE),
            new Known("a header name can only contain", HEADER_LINE),
            new Known("Invalid separator", HEADER_LINE),
            new Known("Line Feed must be preceded by Carriage Return", "line ended without a carriage return"),
            new Known("Content-Length are not allowed", LENGTHS),
            new Known("Multiple Content-Length values", LENGTHS),
            new Known("Content-Length value is not a number", "bad Content-Length"),
            new Known("Transfer-Encoding header is only allowed", "bad Transfer-Encoding"),
            new Known("chunked must be the last encoding", "bad Transfer-Encoding"));

    /** Netty's "Validation failed for header 'Location'": a header value with a control character in it. */
    private static final Pattern CONTROL_IN_VALUE = Pattern
            .compile("^Validation failed for header '([!#$%&'*+.^_`|~\\w-]{1,64})'$");

    private ProtocolFailures() {
    }

    /** The rule the answer broke, or null when the failure is not a broken rule of HTTP. */
    static String describe(Throwable failure) {
        boolean inBody = causes(failure).anyMatch(BrokenBodyException.class::isInstance);
        for (Throwable cause : causes(failure).toList()) {
            if (inBody && (cause instanceof DecoderException || cause instanceof NumberFormatException)) {
                // Once the head was read, only the chunked framing is left to decode: a chunk size that is no
                // number, a chunk not ended by CRLF.
                return PREFIX + "bad chunked encoding";
            }
            if (!inBody && cause instanceof NumberFormatException) {
                // The head's one number read as such: the status code.
                return PREFIX + STATUS_LINE;
            }
            String message = cause.getMessage() == null ? "" : cause.getMessage().lines().findFirst().orElse("");
            Matcher control = CONTROL_IN_VALUE.matcher(message);
            if (control.matches()) {
                // The header's name, never its value: a value may carry what the server should not have sent.
                return PREFIX + "control character in the " + control.group(1) + " header";
            }
            for (Known known : HEAD) {
                if (message.contains(known.fragment())) {
                    return PREFIX + known.words();
                }
            }
        }
        return null;
    }

    /** An HTTP status must have three digits, 1xx to 5xx; anything else is no status at all. */
    static boolean isStatus(int status) {
        return status >= 100 && status <= 599;
    }

    static String badStatusLine() {
        return PREFIX + STATUS_LINE;
    }

    static Stream<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, cause -> cause.getCause() == cause ? null : cause.getCause());
    }
}
