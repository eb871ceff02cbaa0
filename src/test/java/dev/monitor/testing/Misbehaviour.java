package dev.monitor.testing;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * A way a server breaks HTTP itself, below anything the mock cluster (a well-behaved Vert.x server) can be made to
 * do: each turns the answer a request should get (its JSON body) into the raw bytes {@link HostileServer} sends
 * instead, before it closes the connection. Grouped by the class of defect each stands for; the first of each
 * group are the cases issues #13 and #20 name, the others more of the same class.
 */
public enum Misbehaviour {

    // Status lines that are not one.
    STATUS_NOT_A_NUMBER(body -> "HTTP/1.1 abc\r\n" + json(body) + body),
    STATUS_OUT_OF_RANGE(body -> "HTTP/1.1 99999 X\r\n" + json(body) + body),
    STATUS_GARBAGE(body -> "SSH-2.0-OpenSSH_9.6\r\n"),
    NO_STATUS_LINE(body -> json(body) + body),
    STATUS_NEGATIVE(body -> "HTTP/1.1 -200 OK\r\n" + json(body) + body),
    UNSUPPORTED_VERSION(body -> "HTTP/3.0 200 OK\r\n" + json(body) + body),
    STATUS_LINE_TOO_LONG(body -> "HTTP/1.1 200 " + "O".repeat(8 << 10) + "\r\n" + json(body) + body),

    // Statuses that carry no body, or are not a final answer.
    NO_CONTENT(body -> "HTTP/1.1 204 No Content\r\n\r\n"),
    NOT_MODIFIED(body -> "HTTP/1.1 304 Not Modified\r\n\r\n"),
    INFORMATIONAL_WITH_BODY(body -> "HTTP/1.1 199 Whatever\r\n" + json(body) + body),
    NO_CONTENT_WITH_BODY(body -> "HTTP/1.1 204 No Content\r\n" + json(body) + body),
    NOT_MODIFIED_WITH_BODY(body -> "HTTP/1.1 304 Not Modified\r\n" + json(body) + body),

    // The connection closed before the answer was whole.
    CLOSED_AFTER_HEADERS(body -> "HTTP/1.1 200 OK\r\n" + json(body)),
    CLOSED_MID_BODY(body -> "HTTP/1.1 200 OK\r\n" + json(body) + body.substring(0, body.length() / 2)),
    CLOSED_MID_STATUS_LINE(body -> "HTTP/1.1 20"),
    CLOSED_BEFORE_FIRST_CHUNK(body -> chunked()),

    // Chunked encoding that breaks its own rules.
    BAD_CHUNK_SIZE(body -> chunked() + "zz\r\n" + body + "\r\n0\r\n\r\n"),
    CHUNK_WITHOUT_CRLF(body -> chunked() + "3\r\n" + body + "0\r\n\r\n"),
    TRUNCATED_FINAL_CHUNK(body -> chunked() + chunk(body) + "0\r\n"),
    CHUNK_SIZE_OVERFLOW(body -> chunked() + "10000000000000000\r\n" + body + "\r\n0\r\n\r\n"),
    BAD_SECOND_CHUNK(body -> chunked() + chunk(body.substring(0, 3)) + "zz\r\n" + body.substring(3) + "\r\n0\r\n\r\n"),

    // Control characters in the headers whose values the client reads, on the statuses it reads them for.
    CONTROL_IN_LOCATION_ON_200(body -> ok(body, "Location: http://elsewhere/\u0001x")),
    CONTROL_IN_LOCATION_ON_301(body -> status(301, "Location: http://elsewhere/\u001b[2Jx")),
    CONTROL_IN_LOCATION_ON_302(body -> status(302, "Location: http://elsewhere/\u0001x")),
    CONTROL_IN_AUTHENTICATE_ON_200(body -> ok(body, "WWW-Authenticate: Bearer realm=\"\u0001\"")),
    CONTROL_IN_AUTHENTICATE_ON_401(body -> status(401, "WWW-Authenticate: Bearer realm=\"\u0001\"")),
    CONTROL_IN_RETRY_AFTER_ON_200(body -> ok(body, "Retry-After: 1\u0001")),
    CONTROL_IN_RETRY_AFTER_ON_429(body -> status(429, "Retry-After: 1\u0001")),
    CONTROL_IN_RETRY_AFTER_ON_503(body -> status(503, "Retry-After: \u001b[2J1")),
    CONTROL_IN_AUTHENTICATE_ON_403(body -> status(403, "WWW-Authenticate: Bearer realm=\"\u007f\"")),
    CONTROL_IN_CONTENT_TYPE_ON_200(body -> "HTTP/1.1 200 OK\r\nContent-Type: application/json\u0001\r\n"
            + "Content-Length: " + body.length() + "\r\n\r\n" + body),

    // Header values that are well formed but are the server's to choose: never to be shown.
    SECRET_IN_LOCATION_ON_302(body -> status(302, "Location: http://elsewhere.example/?token=s3cr3t-in-location")),
    RETRY_AFTER_DATE_ON_503(body -> status(503, "Retry-After: Fri, 31 Dec 2100 23:59:59 GMT")),

    // Framing that says two different things about where the body ends.
    CHUNKED_AND_CONTENT_LENGTH(body -> chunked().replace("\r\n\r\n", "\r\nContent-Length: " + body.length()
            + "\r\n\r\n") + chunk(body) + "0\r\n\r\n"),
    TWO_CONTENT_LENGTHS(body -> "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\nContent-Length: "
            + (body.length() + 1) + "\r\n\r\n" + body),
    CONTENT_LENGTH_NOT_A_NUMBER(body -> "HTTP/1.1 200 OK\r\nContent-Length: many\r\n\r\n" + body),
    CHUNKED_NOT_LAST(body -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\n" + chunk(body)
            + "0\r\n\r\n"),
    CHUNKED_IN_HTTP_1_0(body -> chunked().replace("HTTP/1.1", "HTTP/1.0") + chunk(body) + "0\r\n\r\n"),

    // Header lines no parser should take.
    HUGE_HEADER(body -> ok(body, "X-Padding: " + "x".repeat(64 << 10))),
    HEADER_WITHOUT_COLON(body -> ok(body, "X-Broken-Header-Line")),
    EMPTY_HEADER_NAME(body -> ok(body, ": no name")),
    CONTROL_IN_HEADER_NAME(body -> ok(body, "X-\u0001Name: value")),
    BARE_LINE_FEEDS(body -> ("HTTP/1.1 200 OK\r\n" + json(body)).replace("\r\n", "\n") + body);

    private final UnaryOperator<String> answer;

    Misbehaviour(UnaryOperator<String> answer) {
        this.answer = answer;
    }

    /** The bytes sent for a request that should be answered {@code 200} with {@code body}. */
    public byte[] answer(String body) {
        return answer.apply(body).getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * The start of what the user is told of a server, or of the server list, that misbehaves so: in monitor's words,
     * never Java's, never a header's value.
     */
    public String reason() {
        String malformed = "malformed HTTP answer: ";
        return switch (this) {
            case STATUS_NOT_A_NUMBER, STATUS_OUT_OF_RANGE, STATUS_GARBAGE, NO_STATUS_LINE, STATUS_NEGATIVE,
                    UNSUPPORTED_VERSION -> malformed + "bad status line";
            case STATUS_LINE_TOO_LONG -> malformed + "status line too long";
            case NO_CONTENT, NO_CONTENT_WITH_BODY -> "empty answer";
            case NOT_MODIFIED, NOT_MODIFIED_WITH_BODY -> "HTTP 304";
            case INFORMATIONAL_WITH_BODY -> "HTTP 199";
            case CLOSED_AFTER_HEADERS, CLOSED_MID_BODY, CLOSED_BEFORE_FIRST_CHUNK, TRUNCATED_FINAL_CHUNK ->
                "connection closed by the server before the answer was complete";
            case CLOSED_MID_STATUS_LINE -> "connection closed by the server";
            case BAD_CHUNK_SIZE, CHUNK_WITHOUT_CRLF, CHUNK_SIZE_OVERFLOW, BAD_SECOND_CHUNK ->
                malformed + "bad chunked encoding";
            case CONTROL_IN_LOCATION_ON_200, CONTROL_IN_LOCATION_ON_301, CONTROL_IN_LOCATION_ON_302 ->
                malformed + "control character in the Location header";
            case CONTROL_IN_AUTHENTICATE_ON_200, CONTROL_IN_AUTHENTICATE_ON_401, CONTROL_IN_AUTHENTICATE_ON_403 ->
                malformed + "control character in the WWW-Authenticate header";
            case CONTROL_IN_RETRY_AFTER_ON_200, CONTROL_IN_RETRY_AFTER_ON_429, CONTROL_IN_RETRY_AFTER_ON_503 ->
                malformed + "control character in the Retry-After header";
            case CONTROL_IN_CONTENT_TYPE_ON_200 -> malformed + "control character in the Content-Type header";
            case SECRET_IN_LOCATION_ON_302 -> "HTTP 302 redirect, not followed; give --url the address it points to";
            case RETRY_AFTER_DATE_ON_503 -> "HTTP 503 (asked to wait ";
            case CHUNKED_AND_CONTENT_LENGTH, TWO_CONTENT_LENGTHS -> malformed + "conflicting message lengths";
            case CONTENT_LENGTH_NOT_A_NUMBER -> malformed + "bad Content-Length";
            case CHUNKED_NOT_LAST, CHUNKED_IN_HTTP_1_0 -> malformed + "bad Transfer-Encoding";
            case HUGE_HEADER -> malformed + "headers too large";
            case HEADER_WITHOUT_COLON, EMPTY_HEADER_NAME, CONTROL_IN_HEADER_NAME -> malformed + "bad header line";
            case BARE_LINE_FEEDS -> malformed + "line ended without a carriage return";
        };
    }

    /** The headers of a JSON body, ending the head. */
    private static String json(String body) {
        return "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n";
    }

    private static String chunked() {
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
    }

    private static String ok(String body, String header) {
        return "HTTP/1.1 200 OK\r\n" + header + "\r\n" + json(body) + body;
    }

    private static String status(int status, String header) {
        return "HTTP/1.1 " + status + " X\r\n" + header + "\r\nContent-Length: 0\r\n\r\n";
    }
}
