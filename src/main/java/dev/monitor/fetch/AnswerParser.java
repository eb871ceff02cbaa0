package dev.monitor.fetch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.monitor.api.ServerDetails;

/**
 * Reads the cluster API's two answers with Jackson's streaming parser: no object mapping, so nothing needs
 * reflection, and an answer of the wrong shape becomes a reason, not a crash.
 */
final class AnswerParser {

    private static final JsonFactory JSON = new JsonFactory();

    private AnswerParser() {
    }

    /**
     * The entries of {@code /servers}, as sent. An entry that is not a string is kept as its JSON text, to be
     * reported as not an address.
     */
    static List<String> serverList(byte[] body) throws IOException {
        requireContent(body);
        try (JsonParser json = JSON.createParser(body)) {
            if (json.nextToken() != JsonToken.START_ARRAY) {
                throw new InvalidAnswerException("not a JSON array of addresses");
            }
            List<String> entries = new ArrayList<>();
            for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    json.skipChildren();
                    entries.add(token == JsonToken.START_OBJECT ? "{…}" : "[…]");
                } else {
                    entries.add(json.getText());
                }
            }
            requireEnd(json);
            return entries;
        }
    }

    /** One server's answer; a field that is missing is null, for {@link DetailsReader} to report. */
    static ServerDetails details(byte[] body) throws IOException {
        requireContent(body);
        try (JsonParser json = JSON.createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidAnswerException("not a JSON object");
            }
            String cpu = null;
            String memory = null;
            String service = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (value.isStructStart()) {
                    json.skipChildren();
                    continue;
                }
                switch (field) {
                    case "cpu" -> cpu = json.getValueAsString();
                    case "memory" -> memory = json.getValueAsString();
                    case "service" -> service = json.getValueAsString();
                    default -> {
                        // Fields the contract does not name are allowed and ignored.
                    }
                }
            }
            requireEnd(json);
            return new ServerDetails(cpu, memory, service);
        }
    }

    private static void requireContent(byte[] body) {
        if (body.length == 0) {
            throw new InvalidAnswerException("empty answer");
        }
    }

    private static void requireEnd(JsonParser json) throws IOException {
        if (json.nextToken() != null) {
            throw new InvalidAnswerException("malformed JSON: content after the answer");
        }
    }
}
