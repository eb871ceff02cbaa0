package dev.monitor.fetch;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.monitor.api.ServerDetails;
import dev.monitor.snapshot.Server;
import dev.monitor.text.Printable;

/** Checks one server's answer against the contract and turns it into a {@link Server}. */
final class DetailsReader {

    /** ASCII digits only: {@code Character.isDigit} would take "٥٠%" or "５０%" for 50. */
    private static final Pattern PERCENTAGE = Pattern.compile("([0-9]{1,3})%");

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
        Matcher figure = PERCENTAGE.matcher(text);
        if (!figure.matches()) {
            throw new InvalidAnswerException(field + " \"" + Printable.of(text) + "\" is not a percentage like 61%");
        }
        int value = Integer.parseInt(figure.group(1));
        if (value > 100) {
            throw new InvalidAnswerException(field + " " + value + "% is outside 0-100");
        }
        return value;
    }
}
