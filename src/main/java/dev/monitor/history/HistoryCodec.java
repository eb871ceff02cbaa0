package dev.monitor.history;

import static dev.monitor.files.JsonDocument.expect;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.monitor.analysis.Verdict;
import dev.monitor.files.JsonDocument;
import dev.monitor.files.JsonValues;
import dev.monitor.text.Printable;

/**
 * The history file format, in the frame of the snapshot's ({@link JsonDocument}): one line, a few dozen bytes
 * a service and fetch.
 *
 * <pre>{"format":"monitor-history","version":1,"endpoint":"http://localhost:8080","fetches":[
 *  {"at":"2026-11-26T08:00:00Z","verdict":"WARNING",
 *   "services":{"AuthService":{"state":"CRITICAL","healthy":1,"servers":2}}}]}</pre>
 */
final class HistoryCodec {

    private static final JsonDocument DOCUMENT = new JsonDocument("monitor-history", 1, "monitor history",
            UnreadableHistoryException::new);

    /** Replaces the file with the history, unless it holds something else (see {@link JsonDocument#replace}). */
    void replace(Path file, VerdictHistory history) throws IOException {
        DOCUMENT.replace(file, body(history));
    }

    /** Whether the file holds something monitor did not write (see {@link JsonDocument#replace}). */
    boolean isForeign(Path file) throws IOException {
        return DOCUMENT.isForeign(file);
    }

    private static JsonDocument.Body body(VerdictHistory history) {
        return json -> {
            json.writeStringField("endpoint", history.endpoint().toString());
            json.writeArrayFieldStart("fetches");
            for (PastFetch fetch : history.fetches()) {
                json.writeStartObject();
                json.writeStringField("at", fetch.at().toString());
                json.writeStringField("verdict", fetch.verdict().name());
                json.writeObjectFieldStart("services");
                for (Map.Entry<String, PastFetch.ServiceState> service : fetch.services().entrySet()) {
                    json.writeObjectFieldStart(service.getKey());
                    json.writeStringField("state", service.getValue().state().name());
                    json.writeNumberField("healthy", service.getValue().healthy());
                    json.writeNumberField("servers", service.getValue().servers());
                    json.writeEndObject();
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
        };
    }

    /** Reads a history; any file that is not one this version wrote is an {@link UnreadableHistoryException}. */
    VerdictHistory read(InputStream in) throws IOException {
        Fields found = new Fields();
        return DOCUMENT.read(in, found::read, () -> {
            expect(found.endpoint != null && found.fetches != null, "incomplete");
            return new VerdictHistory(found.endpoint, found.fetches);
        });
    }

    /** A history's fields as they are read. */
    private static final class Fields {
        private URI endpoint;
        private List<PastFetch> fetches;

        void read(String field, JsonParser json) throws IOException {
            switch (field) {
                case "endpoint" -> endpoint = JsonValues.uri(json, () -> "endpoint");
                case "fetches" -> fetches = readFetches(json);
                default -> json.skipChildren();
            }
        }
    }

    private static List<PastFetch> readFetches(JsonParser json) throws IOException {
        expect(json.currentToken() == JsonToken.START_ARRAY, "fetches is not an array");
        List<PastFetch> fetches = new ArrayList<>();
        while (json.nextToken() == JsonToken.START_OBJECT) {
            Instant at = null;
            Verdict verdict = null;
            Map<String, PastFetch.ServiceState> services = null;
            int place = fetches.size() + 1;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                Supplier<String> what = () -> field + " of fetch " + place;
                switch (field) {
                    case "at" -> at = JsonValues.instant(json, what);
                    case "verdict" -> verdict = JsonValues.oneOf(json, what, Verdict.values());
                    case "services" -> services = readServices(json, place);
                    default -> json.skipChildren();
                }
            }
            expect(at != null && verdict != null && services != null,
                    "fetch " + place + " has no time, verdict or services");
            fetches.add(new PastFetch(at, verdict, services));
        }
        expect(json.currentToken() == JsonToken.END_ARRAY, "fetches holds a non-object");
        return fetches;
    }

    private static Map<String, PastFetch.ServiceState> readServices(JsonParser json, int fetch) throws IOException {
        expect(json.currentToken() == JsonToken.START_OBJECT, "services of fetch " + fetch + " is not an object");
        Map<String, PastFetch.ServiceState> services = new TreeMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            // A name as Server shows it, whoever wrote the file: every format and message shows it as it is.
            String service = Printable.of(json.currentName());
            // The history table shows the verdict in the row without a name.
            expect(!service.isBlank(), "a service of fetch " + fetch + " has a blank name");
            expect(json.nextToken() == JsonToken.START_OBJECT,
                    "service " + service + " of fetch " + fetch + " is not an object");
            Verdict state = null;
            int healthy = -1;
            int servers = -1;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                Supplier<String> what = () -> field + " of " + service + " in fetch " + fetch;
                switch (field) {
                    case "state" -> state = JsonValues.oneOf(json, what, Verdict.values());
                    case "healthy" -> healthy = JsonValues.wholeNumber(json, what);
                    case "servers" -> servers = JsonValues.wholeNumber(json, what);
                    default -> json.skipChildren();
                }
            }
            expect(state != null && healthy >= 0 && servers >= healthy,
                    "service " + service + " of fetch " + fetch + " is incomplete");
            services.put(service, new PastFetch.ServiceState(state, healthy, servers));
        }
        return services;
    }
}
