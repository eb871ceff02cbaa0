package dev.monitor.api;

/**
 * One server's answer, exactly as sent: {@code {"cpu": "61%", "memory": "4%", "service": "UserService"}}.
 * Kept as text so that a malformed figure becomes a reported reason, not a parse failure of the whole body.
 */
public record ServerDetails(String cpu, String memory, String service) {
}
