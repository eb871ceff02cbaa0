package dev.monitor.snapshot;

import static dev.monitor.files.JsonDocument.expect;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.monitor.files.JsonDocument;
import dev.monitor.files.JsonValues;
import dev.monitor.text.Printable;

/**
 * The snapshot file format, written and read with Jackson's streaming API: one server at a time, no
 * object mapping, so a large cluster costs no more than its records and nothing needs reflection.
 *
 * <pre>{"format":"monitor-snapshot","version":1,"endpoint":"http://localhost:8080",
 *  "fetchedAt":"2026-11-26T08:00:00Z","peakConcurrency":37,"fetchMillis":1840,"shard":"1/3",
 *  "servers":[{"ip":"10.58.1.1","service":"AuthService","cpu":61,"memory":4},
 *             {"ip":"10.58.1.2","service":null,"unknown":"HTTP 500"}]}</pre>
 */
public final class SnapshotCodec {

    static final String FORMAT = "monitor-snapshot";
    static final int VERSION = 1;
    static final JsonDocument DOCUMENT = new JsonDocument(FORMAT, VERSION, "monitor snapshot",
            UnreadableSnapshotException::new);

    /** Replaces the file with the snapshot, unless it holds something else (see {@link JsonDocument#replace}). */
    public void replace(Path file, Snapshot snapshot) throws IOException {
        DOCUMENT.replace(file, body(snapshot));
    }

    static JsonDocument.Body body(Snapshot snapshot) {
        return json -> {
            json.writeStringField("endpoint", snapshot.endpoint().toString());
            json.writeStringField("fetchedAt", snapshot.fetchedAt().toString());
            if (snapshot.peakConcurrency() != null) {
                json.writeNumberField("peakConcurrency", snapshot.peakConcurrency());
            }
            if (snapshot.fetchDuration() != null) {
                json.writeNumberField("fetchMillis", snapshot.fetchDuration().toMillis());
            }
            // Absent for the whole cluster, as in every snapshot written before shards.
            if (!snapshot.shard().isWhole()) {
                json.writeStringField("shard", snapshot.shard().toString());
            }
            json.writeArrayFieldStart("servers");
            for (Server server : snapshot.servers()) {
                json.writeStartObject();
                json.writeStringField("ip", server.ip());
                json.writeStringField("service", server.service());
                switch (server) {
                    case Server.Measured m -> {
                        json.writeNumberField("cpu", m.cpu());
                        json.writeNumberField("memory", m.memory());
                    }
                    case Server.Unknown u -> json.writeStringField("unknown", u.reason());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        };
    }

    /** Reads a snapshot; any file that is not one this version wrote is an {@link UnreadableSnapshotException}. */
    public Snapshot read(InputStream in) throws IOException {
        Fields found = new Fields();
        return DOCUMENT.read(in, found::read, () -> {
            expect(found.endpoint != null && found.fetchedAt != null && found.servers != null, "incomplete");
            return new Snapshot(found.endpoint, found.fetchedAt, found.servers, found.peakConcurrency,
                    found.fetchDuration, found.shard);
        });
    }

    /** A snapshot's fields as they are read. */
    private static final class Fields {
        private URI endpoint;
        private Instant fetchedAt;
        private List<Server> servers;
        private Integer peakConcurrency;
        private Duration fetchDuration;
        private Shard shard = Shard.WHOLE;

        void read(String field, JsonParser json) throws IOException {
            switch (field) {
                case "endpoint" -> endpoint = JsonValues.uri(json, () -> "endpoint");
                case "fetchedAt" -> fetchedAt = JsonValues.instant(json, () -> "fetchedAt");
                case "servers" -> servers = readServers(json);
                case "peakConcurrency" -> {
                    peakConcurrency = JsonValues.wholeNumber(json, () -> "peakConcurrency");
                    expect(peakConcurrency >= 0, "peakConcurrency is negative");
                }
                case "fetchMillis" -> {
                    int millis = JsonValues.wholeNumber(json, () -> "fetchMillis");
                    expect(millis >= 0, "fetchMillis is negative");
                    fetchDuration = Duration.ofMillis(millis);
                }
                case "shard" -> {
                    String text = JsonValues.text(json, () -> "shard");
                    try {
                        shard = Shard.parse(text);
                    } catch (IllegalArgumentException e) {
                        throw JsonDocument.invalid("shard is not K/N with K from 1 to N", e);
                    }
                }
                default -> json.skipChildren();
            }
        }
    }
    private static List<Server> readServers(JsonParser json) throws IOException {
        expect(json.currentToken() == JsonToken.START_ARRAY, "servers is not an array");
        List<Server> servers = new ArrayList<>();
        while (json.nextToken() == JsonToken.START_OBJECT) {
            String ip = null;
            String service = null;
            String unknown = null;
            int cpu = -1;
            int memory = -1;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                String known = ip;
                int place = servers.size() + 1;
                // Named by its address once it is read (we write it first), else by its place in the list.
                Supplier<String> what = () -> field + " of "
                        + (known != null ? Printable.of(known) : "server " + place);
                switch (field) {
                    case "ip" -> ip = JsonValues.text(json, what);
                    case "service" -> service = JsonValues.textOrNull(json, what);
                    case "cpu" -> cpu = JsonValues.wholeNumber(json, what);
                    case "memory" -> memory = JsonValues.wholeNumber(json, what);
                    case "unknown" -> unknown = JsonValues.text(json, what);
                    default -> json.skipChildren();
                }
            }
            // Reasons are made only when needed: a million servers must not make a million strings.
            if (ip == null) {
                throw JsonDocument.invalid("server " + (servers.size() + 1) + " has no ip", null);
            }
            // Blank is how the tables show no known service, and a server with figures said which it is in.
            if (service != null && service.isBlank() || unknown == null && service == null) {
                throw JsonDocument.invalid("service of " + Printable.of(ip) + " is "
                        + (service == null ? "missing" : "blank"), null);
            }
            if (unknown != null) {
                servers.add(new Server.Unknown(ip, service, unknown));
            } else {
                if (cpu < 0 || cpu > 100 || memory < 0 || memory > 100) {
                    throw JsonDocument.invalid("figures out of range for " + Printable.of(ip), null);
                }
                servers.add(new Server.Measured(ip, service, cpu, memory));
            }
        }
        expect(json.currentToken() == JsonToken.END_ARRAY, "servers holds a non-object");
        return servers;
    }
}
