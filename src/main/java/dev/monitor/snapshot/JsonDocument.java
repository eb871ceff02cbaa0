package dev.monitor.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;

/**
 * The frame of monitor's own files (the snapshot, the verdict history): one JSON object that starts with its
 * format's name and version, written and read with Jackson's streaming API, so nothing needs reflection. A file
 * that is not one this version could have written is unreadable, never another exception.
 *
 * @param name       what the file is, for messages: {@code monitor snapshot}
 * @param unreadable makes the exception that says why a file cannot be used
 */
public record JsonDocument(String format, int version, String name,
        Function<String, ? extends RuntimeException> unreadable) {

    private static final JsonFactory JSON = JsonFactory.builder()
            // The caller owns the stream: it still has to flush the file to disk after writing.
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    /** Writes the fields of the document after its format and version. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    /** Reads one field's value, the parser on it; a field it does not know it skips. */
    @FunctionalInterface
    public interface Field {
        void read(String name, JsonParser json) throws IOException;
    }

    public void write(OutputStream out, Body body) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("format", format);
            json.writeNumberField("version", version);
            body.write(json);
            json.writeEndObject();
        }
    }

    /**
     * Hands each field after the format and version to {@code fields}, then makes what they hold with
     * {@code result}, which {@link #expect}s what it needs.
     */
    public <T> T read(InputStream in, Field fields, Supplier<T> result) throws IOException {
        try (JsonParser json = JSON.createParser(in)) {
            expect(json.nextToken() == JsonToken.START_OBJECT, "not a JSON object");
            String foundFormat = null;
            Integer foundVersion = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "format" -> foundFormat = json.getValueAsString();
                    case "version" -> foundVersion = json.getValueAsInt();
                    default -> fields.read(field, json);
                }
            }
            expect(format.equals(foundFormat), "not a " + name);
            expect(foundVersion != null && foundVersion <= version,
                    "written by a newer monitor (format version " + foundVersion + ")");
            T document = result.get();
            expect(json.nextToken() == null, "trailing content");
            return document;
        } catch (Invalid e) {
            throw unreadable.apply(e.getMessage());
        } catch (RuntimeException e) {
            // Jackson's parse errors are IOExceptions; what is left is a bad URI, instant, name or number.
            throw unreadable.apply("invalid value: " + e.getMessage());
        }
    }

    /** Within {@link #read}: a file where the condition does not hold is unreadable, for that reason. */
    public static void expect(boolean condition, String problem) {
        if (!condition) {
            throw new Invalid(problem);
        }
    }

    private static final class Invalid extends RuntimeException {
        Invalid(String problem) {
            super(problem, null, false, false);
        }
    }
}
