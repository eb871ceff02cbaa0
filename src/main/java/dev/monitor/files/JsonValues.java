package dev.monitor.files;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.monitor.text.Printable;

/**
 * The values of monitor's own files, read within {@link JsonDocument#read}, the parser on the value. A value of
 * the wrong kind makes the file unreadable with a reason in the file's own terms, naming the field and where it
 * is: {@code cpu of 10.58.1.1 is "x", not a whole number}; never Jackson's or the JDK's text. The field's
 * description is made only for the reason, so reading a million servers makes no strings for it.
 */
public final class JsonValues {

    /** Longer values are cut in reasons: a reason is one line of a warning. */
    private static final int SHOWN = 40;

    private JsonValues() {
    }

    /** @param what the field and where it is, for the reason: {@code ip of server 3} */
    public static String text(JsonParser json, Supplier<String> what) throws IOException {
        if (json.currentToken() != JsonToken.VALUE_STRING) {
            throw JsonDocument.invalid(what.get() + " is " + shown(json) + ", not text", null);
        }
        return json.getText();
    }

    /** A string, or null where the file says null. */
    public static String textOrNull(JsonParser json, Supplier<String> what) throws IOException {
        return json.currentToken() == JsonToken.VALUE_NULL ? null : text(json, what);
    }

    /** A whole number that fits an {@code int}: our files never hold fractions, and a cut one would be wrong. */
    public static int wholeNumber(JsonParser json, Supplier<String> what) throws IOException {
        if (json.currentToken() != JsonToken.VALUE_NUMBER_INT || json.getNumberType() != JsonParser.NumberType.INT) {
            throw JsonDocument.invalid(what.get() + " is " + shown(json) + ", not a whole number", null);
        }
        return json.getIntValue();
    }

    public static URI uri(JsonParser json, Supplier<String> what) throws IOException {
        String text = text(json, what);
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw JsonDocument.invalid(what.get() + " is " + quoted(text) + ", not a URL", e);
        }
    }

    /** An instant as {@link Instant#toString()} writes it: {@code 2026-11-26T08:00:00Z}. */
    public static Instant instant(JsonParser json, Supplier<String> what) throws IOException {
        String text = text(json, what);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw JsonDocument.invalid(what.get() + " is " + quoted(text) + ", not a time like 2026-11-26T08:00:00Z",
                    e);
        }
    }

    /** One of the constants, by its name; the reason lists them. */
    @SafeVarargs
    public static <E extends Enum<E>> E oneOf(JsonParser json, Supplier<String> what, E... constants)
            throws IOException {
        String text = text(json, what);
        return Arrays.stream(constants).filter(constant -> constant.name().equals(text)).findFirst()
                .orElseThrow(() -> JsonDocument.invalid(what.get() + " is " + quoted(text) + ", not "
                        + Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", ")), null));
    }

    /** The value as the file shows it: a string quoted (cut, and shown by {@link Printable}'s rule), else its kind. */
    static String shown(JsonParser json) throws IOException {
        JsonToken token = json.currentToken();
        if (token == null) {
            return "missing";
        }
        return switch (token) {
            case VALUE_STRING -> quoted(json.getText());
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> json.getText();
        };
    }

    /** Quoted as in the file, and cut; shown by {@link Printable}'s rule. */
    static String quoted(String text) {
        String cut = text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text;
        return "\"" + Printable.line(cut.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
    }
}
