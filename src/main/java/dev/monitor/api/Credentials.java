package dev.monitor.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A secret the API wants in its {@code Authorization} header. Its {@code toString} is {@code ***}, so a
 * secret that slips into a message, a log line or a trace shows as that and nothing more.
 */
public sealed interface Credentials {

    /** The {@code Authorization} header's value. The only way to the secret itself. */
    String authorization();

    /** A bearer token ({@code MONITOR_TOKEN}, {@code --token-file}). */
    record Bearer(String token) implements Credentials {

        @Override
        public String authorization() {
            return "Bearer " + token;
        }

        @Override
        public String toString() {
            return "Bearer ***";
        }
    }

    /** Basic authentication from {@code user:password} ({@code MONITOR_BASIC_AUTH}, {@code --basic-auth-file}). */
    record Basic(String userAndPassword) implements Credentials {

        @Override
        public String authorization() {
            return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Basic ***";
        }
    }
}
