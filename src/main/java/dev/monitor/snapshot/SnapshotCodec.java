package dev.monitor.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;

/**
 * The snapshot file format, written and read with Jackson's streaming API: one server at a time, no
 * object mapping, so a large cluster costs no more than its records and nothing needs reflection.
 *
 * <pre>{"format":"monitor-snapshot","version":1,"endpoint":"http://localhost:8080",
 *  "fetchedAt":"2026-11-26T08:00:00Z",
 *  "servers":[{"ip":"10.58.1.1","service":"AuthService","cpu":61,"memory":4},
 *             {"ip":"10.58.1.2","service":null,"unknown":"HTTP 500"}]}</pre>
 */
public final class SnapshotCodec {

    static final String FORMAT = "monitor-snapshot";
    static final int VERSION = 1;

    private static final JsonFactory JSON = JsonFactory.builder()
            // The caller owns the stream: it still has to flush the file to disk after writing.
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    public void write(Snapshot snapshot, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeNumberField("version", VERSION);
            json.writeStringField("endpoint", snapshot.endpoint().toString());
            json.writeStringField("fetchedAt", snapshot.fetchedAt().toString());
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
            json.writeEndObject();
        }
    }

    /** Reads a snapshot; any file that is not one this version wrote is an {@link UnreadableSnapshotException}. */
    public Snapshot read(InputStream in) throws IOException {
        try (JsonParser json = JSON.createParser(in)) {
            expect(json.nextToken() == JsonToken.START_OBJECT, "not a JSON object");
            String format = null;
            Integer version = null;
            URI endpoint = null;
            Instant fetchedAt = null;
            List<Server> servers = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "format" -> format = json.getValueAsString();
                    case "version" -> version = json.getValueAsInt();
                    case "endpoint" -> endpoint = URI.create(json.getValueAsString());
                    case "fetchedAt" -> fetchedAt = Instant.parse(json.getValueAsString());
                    case "servers" -> servers = readServers(json);
                    default -> json.skipChildren();
                }
            }
            expect(FORMAT.equals(format), "not a monitor snapshot");
            expect(version != null && version <= VERSION, "written by a newer monitor (format version " + version + ")");
            expect(endpoint != null && fetchedAt != null && servers != null, "incomplete");
            expect(json.nextToken() == null, "trailing content");
            return new Snapshot(endpoint, fetchedAt, servers);
        } catch (UnreadableSnapshotException e) {
            throw e;
        } catch (RuntimeException e) {
            // Jackson's parse errors are IOExceptions; what is left is a bad URI, instant or number.
            throw new UnreadableSnapshotException("invalid value: " + e.getMessage());
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
                switch (field) {
                    case "ip" -> ip = json.getValueAsString();
                    case "service" -> service = json.getValueAsString();
                    case "cpu" -> cpu = json.getIntValue();
                    case "memory" -> memory = json.getIntValue();
                    case "unknown" -> unknown = json.getValueAsString();
                    default -> json.skipChildren();
                }
            }
            expect(ip != null, "a server without an ip");
            if (unknown != null) {
                servers.add(new Server.Unknown(ip, service, unknown));
            } else {
                expect(cpu >= 0 && cpu <= 100 && memory >= 0 && memory <= 100, "figures out of range for " + ip);
                servers.add(new Server.Measured(ip, service, cpu, memory));
            }
        }
        expect(json.currentToken() == JsonToken.END_ARRAY, "servers holds a non-object");
        return servers;
    }

    private static void expect(boolean condition, String problem) {
        if (!condition) {
            throw new UnreadableSnapshotException(problem);
        }
    }
}
