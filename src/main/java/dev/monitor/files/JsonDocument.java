package dev.monitor.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;

/**
 * The frame of monitor's own files (the snapshot, the verdict history): one JSON object that starts with its
 * format's name and version, written and read with Jackson's streaming API, so nothing needs reflection. A file
 * that is not one this version could have written is unreadable, never another exception.
 *
 * @param name       what the file is, for messages: {@code monitor snapshot}
 * @param unreadable makes the exception that says why a file cannot be used, from the reason and its cause
 *                   (null when the reason says it all)
 */
public record JsonDocument(String format, int version, String name,
        BiFunction<String, Throwable, ? extends RuntimeException> unreadable) {

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
     * Replaces the file with this document, whole ({@link AtomicFile}, private to its owner), unless it holds
     * something else: a {@code --snapshot} mistyped onto a file of the user's must not cost them that file.
     *
     * @throws ForeignFileException when the file exists and is not one of these documents, or is a FIFO or a
     *                              device: a rename would put a regular file in its place
     */
    public void replace(Path file, Body body) throws IOException {
        Optional<String> special = FileFailures.special(file, LinkOption.NOFOLLOW_LINKS);
        if (special.isPresent()) {
            throw new ForeignFileException("it is " + special.get() + ", not a file, so it is left as it is");
        }
        if (isForeign(file)) {
            throw new ForeignFileException("it holds something other than a " + name + ", so it is left as it is");
        }
        AtomicFile.replace(file, "rw-------", out -> write(out, body));
    }

    /**
     * Whether the file holds something other than these documents. A missing or empty file, a symbolic link
     * (replacing it leaves its target alone) and a file that starts as one of them, however broken after that,
     * are theirs to replace.
     */
    public boolean isForeign(Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
                JsonParser json = JSON.createParser(in)) {
            JsonToken first = json.nextToken();
            return first != null && !(first == JsonToken.START_OBJECT && json.nextToken() == JsonToken.FIELD_NAME
                    && "format".equals(json.currentName()) && json.nextToken() == JsonToken.VALUE_STRING
                    && format.equals(json.getText()));
        } catch (NoSuchFileException e) {
            return false;
        } catch (JsonProcessingException e) {
            return true;
        }
    }

    /**
     * Hands each field after the format and version to {@code fields}, then makes what they hold with
     * {@code result}, which {@link #expect}s what it needs.
     */
    public <T> T read(InputStream in, Field fields, Supplier<T> result) throws IOException {
        try (JsonParser json = JSON.createParser(in)) {
            JsonToken first = json.nextToken();
            expect(first != null, "empty");
            expect(first == JsonToken.START_OBJECT, "not a JSON object");
            // Every version writes its format and version first: a file that does not start so is another program's.
            expect(json.nextToken() == JsonToken.FIELD_NAME && "format".equals(json.currentName())
                    && json.nextToken() == JsonToken.VALUE_STRING && format.equals(json.getText()), "not a " + name);
            expect(json.nextToken() == JsonToken.FIELD_NAME && "version".equals(json.currentName()),
                    "no format version");
            json.nextToken();
            int foundVersion = JsonValues.wholeNumber(json, () -> "version");
            expect(foundVersion <= version, "written by a newer monitor (format version " + foundVersion + ")");
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                fields.read(field, json);
            }
            T document = result.get();
            expect(json.nextToken() == null, "trailing content");
            return document;
        } catch (Invalid e) {
            throw unreadable.apply(e.getMessage(), e.getCause());
        } catch (JsonProcessingException e) {
            throw unreadable.apply(malformed(e), e);
        }
    }

    /** Within {@link #read}: a file where the condition does not hold is unreadable, for that reason. */
    public static void expect(boolean condition, String problem) {
        if (!condition) {
            throw invalid(problem, null);
        }
    }

    /** Within {@link #read}: the file is unreadable for that reason; the cause is kept for {@code --verbose}. */
    public static RuntimeException invalid(String problem, Throwable cause) {
        return new Invalid(problem, cause);
    }

    /** Jackson's parse errors, in our words: where the JSON breaks, not which tokens Jackson would have taken. */
    private static String malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? ""
                : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return switch (e) {
            case JsonEOFException eof -> "cut short" + where;
            case StreamConstraintsException limit -> "larger or deeper than monitor reads" + where;
            default -> "not valid JSON" + where;
        };
    }

    private static final class Invalid extends RuntimeException {
        Invalid(String problem, Throwable cause) {
            super(problem, cause, false, false);
        }
    }
}
