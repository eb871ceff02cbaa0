package dev.monitor.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A secret the API wants in its {@code Authorization} header. Its {@code toString} is {@code ***}, so a
 * secret that slips into a message, a log line or a trace shows as that and nothing more. A secret that could
 * not travel in a header as it is (a line break in it would end the header, or fold it into the next) cannot be
 * made: the exception says what is wrong with it, never what it holds.
 */
public sealed interface Credentials {

    /** The {@code Authorization} header's value. The only way to the secret itself. */
    String authorization();

    /** Every form in which the secret could show in a message: for {@link Redaction}, and nothing else. */
    List<String> forms();

    /** A bearer token ({@code MONITOR_TOKEN}, {@code --token-file}): printable ASCII, no spaces (RFC 6750). */
    record Bearer(String token) implements Credentials {

        public Bearer {
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                if (c == ' ' || c > '~' || Character.isISOControl(c)) {
                    throw new IllegalArgumentException(problem(c) + ": a bearer token is printable ASCII, "
                            + "without spaces");
                }
            }
            if (token.isEmpty()) {
                throw new IllegalArgumentException("is empty");
            }
        }

        @Override
        public String authorization() {
            return "Bearer " + token;
        }

        @Override
        public List<String> forms() {
            return List.of(token);
        }

        @Override
        public String toString() {
            return "Bearer ***";
        }
    }

    /**
     * Basic authentication from {@code user:password} ({@code MONITOR_BASIC_AUTH}, {@code --basic-auth-file}):
     * a user before the first colon, and printable text (sent in UTF-8, as RFC 7617 allows).
     */
    record Basic(String userAndPassword) implements Credentials {

        public Basic {
            for (int i = 0; i < userAndPassword.length(); i++) {
                char c = userAndPassword.charAt(i);
                if (Character.isISOControl(c)) {
                    throw new IllegalArgumentException(problem(c) + ": user:password is printable text");
                }
            }
            if (userAndPassword.indexOf(':') < 1) {
                throw new IllegalArgumentException("must hold user:password");
            }
        }

        @Override
        public String authorization() {
            return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public List<String> forms() {
            return Redaction.basicForms(userAndPassword);
        }

        @Override
        public String toString() {
            return "Basic ***";
        }
    }

    /** What kind of character may not be in a secret, in words; never the character's place or its neighbours. */
    private static String problem(char c) {
        if (c == '\n' || c == '\r') {
            return "holds a line break";
        }
        if (Character.isISOControl(c)) {
            return "holds a control character";
        }
        return c == ' ' ? "holds a space" : "holds a character that is not ASCII";
    }
}
