package dev.monitor.fetch;

import dev.monitor.api.ServerDetails;
import dev.monitor.snapshot.Server;
import dev.monitor.text.Printable;

/** Checks one server's answer against the contract and turns it into a {@link Server}. */
final class DetailsReader {

    private DetailsReader() {
    }

    /** @throws InvalidAnswerException naming the first field that is missing or not a percentage */
    static Server.Measured read(String ip, ServerDetails details) {
        if (details == null) {
            throw new InvalidAnswerException("empty answer");
        }
        int cpu = percentage("cpu", details.cpu());
        int memory = percentage("memory", details.memory());
        // The name is shown as Server shows every name; one of spaces alone is no name at all.
        String service = details.service();
        if (service == null || service.isBlank()) {
            throw new InvalidAnswerException("missing field service");
        }
        return new Server.Measured(ip, service, cpu, memory);
    }

    /** {@code "61%"} is 61; the contract allows integers 0 to 100 with a {@code %} suffix, nothing else. */
    static int percentage(String field, String text) {
        if (text == null) {
            throw new InvalidAnswerException("missing field " + field);
        }
        String digits = text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(Character::isDigit)) {
            throw new InvalidAnswerException(field + " \"" + Printable.of(text) + "\" is not a percentage");
        }
        int value = Integer.parseInt(digits);
        if (value > 100) {
            throw new InvalidAnswerException(field + " " + value + "% is outside 0-100");
        }
        return value;
    }
}
