package dev.monitor.render;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.monitor.analysis.Health;
import dev.monitor.analysis.HealthyLevel;
import dev.monitor.analysis.Report;
import dev.monitor.analysis.ServerRow;
import dev.monitor.analysis.ServiceHealth;
import dev.monitor.analysis.Thresholds;
import dev.monitor.analysis.Unavailable;
import dev.monitor.analysis.Verdict;
import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Shard;

/**
 * One JSON document per report, in the schema docs/output-formats.md documents (schemaVersion 1): every report's data at
 * once, whatever sections were asked for, so that a consumer never depends on the flags of the run. Written
 * with Jackson's streaming generator: no reflection, and 10,000 servers cost no object tree.
 */
public class JsonRenderer implements Renderer {

    public static final int SCHEMA_VERSION = 1;
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final boolean pretty;

    /** @param pretty indented for people; off, the document is one line, as NDJSON needs */
    public JsonRenderer(boolean pretty) {
        this.pretty = pretty;
    }

    @Override
    public void render(Report report, Set<Section> sections, PrintWriter out) {
        write(out, json -> {
            header(json, report.snapshot().endpoint(), report.verdict(), report.summary(), report.thresholds());
            json.writeStringField("fetchedAt", report.snapshot().fetchedAt().toString());
            json.writeNumberField("snapshotAgeSeconds", seconds(report.age()));
            if (report.snapshot().peakConcurrency() == null) {
                json.writeNullField("peakConcurrency");
            } else {
                json.writeNumberField("peakConcurrency", report.snapshot().peakConcurrency());
            }
            json.writeStringField("stale", report.stale());
            shard(json, report.snapshot().shard());
            counts(json, report.rows());
            json.writeArrayFieldStart("servers");
            for (ServerRow row : report.rows()) {
                server(json, row);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("services");
            for (ServiceHealth service : report.services()) {
                service(json, service);
            }
            json.writeEndArray();
        });
    }

    @Override
    public void unavailable(Unavailable unavailable, PrintWriter out) {
        write(out, json -> {
            header(json, unavailable.endpoint(), unavailable.verdict(), unavailable.reason(), unavailable.thresholds());
            json.writeNullField("fetchedAt");
            json.writeNullField("snapshotAgeSeconds");
            json.writeNullField("peakConcurrency");
            json.writeNullField("stale");
            shard(json, unavailable.shard());
            counts(json, List.of());
            json.writeArrayFieldStart("servers");
            json.writeEndArray();
            json.writeArrayFieldStart("services");
            json.writeEndArray();
        });
    }

    /** null for the whole cluster; else which shard of how many the document is of. */
    private static void shard(JsonGenerator json, Shard shard) throws IOException {
        if (shard.isWhole()) {
            json.writeNullField("shard");
        } else {
            json.writeObjectFieldStart("shard");
            json.writeNumberField("number", shard.number());
            json.writeNumberField("of", shard.of());
            json.writeEndObject();
        }
    }

    private void write(PrintWriter out, Body body) {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (pretty) {
                json.useDefaultPrettyPrinter();
            }
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }

    private static void header(JsonGenerator json, URI endpoint, Verdict verdict, String summary,
            Thresholds thresholds) throws IOException {
        json.writeNumberField("schemaVersion", SCHEMA_VERSION);
        json.writeStringField("endpoint", endpoint.toString());
        json.writeStringField("verdict", verdict.name());
        json.writeNumberField("exitCode", verdict.exitCode());
        json.writeStringField("summary", summary);
        json.writeObjectFieldStart("thresholds");
        json.writeNumberField("cpuLimit", thresholds.cpuLimit());
        json.writeNumberField("memoryLimit", thresholds.memoryLimit());
        level(json, "minHealthy", thresholds.minHealthy());
        level(json, "warnHealthy", thresholds.warnHealthy().orElse(null));
        // The levels in force for each service that has its own (the other one may be the global level).
        json.writeObjectFieldStart("services");
        for (String service : thresholds.serviceLevels().keySet()) {
            json.writeObjectFieldStart(service);
            level(json, "minHealthy", thresholds.minHealthyOf(service));
            level(json, "warnHealthy", thresholds.warnHealthyOf(service).orElse(null));
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** A count as a number ({@code 2}), a share as text ({@code "50%"}), none as null. */
    private static void level(JsonGenerator json, String field, HealthyLevel level) throws IOException {
        switch (level) {
            case null -> json.writeNullField(field);
            case HealthyLevel.Count count -> json.writeNumberField(field, count.servers());
            case HealthyLevel.Share share -> json.writeStringField(field, share.toString());
        }
    }

    private static void counts(JsonGenerator json, List<ServerRow> rows) throws IOException {
        json.writeObjectFieldStart("counts");
        json.writeNumberField("servers", rows.size());
        for (Health health : Health.values()) {
            json.writeNumberField(health.name().toLowerCase(Locale.ROOT),
                    rows.stream().filter(row -> row.health() == health).count());
        }
        json.writeNumberField("noKnownService", rows.stream().filter(row -> row.service().isEmpty()).count());
        json.writeEndObject();
    }

    private static void server(JsonGenerator json, ServerRow row) throws IOException {
        json.writeStartObject();
        json.writeStringField("ip", row.ip());
        json.writeStringField("service", row.server().service());
        json.writeStringField("status", row.health().label());
        if (row.server() instanceof Server.Measured m) {
            json.writeNumberField("cpu", m.cpu());
            json.writeNumberField("memory", m.memory());
            json.writeNullField("reason");
        } else if (row.server() instanceof Server.Unknown u) {
            json.writeNullField("cpu");
            json.writeNullField("memory");
            json.writeStringField("reason", u.reason());
        }
        json.writeEndObject();
    }

    private static void service(JsonGenerator json, ServiceHealth service) throws IOException {
        json.writeStartObject();
        json.writeStringField("service", service.service());
        json.writeNumberField("servers", service.servers());
        json.writeNumberField("healthy", service.healthy());
        json.writeNumberField("unknown", service.unknown());
        mean(json, "meanCpu", service.meanCpu());
        mean(json, "meanMemory", service.meanMemory());
        json.writeBooleanField("belowMinimum", service.belowMinimum());
        json.writeNumberField("minimum", service.minimum());
        json.writeNumberField("warnMinimum", service.warnMinimum());
        json.writeStringField("state", service.state().name());
        if (service.breach() == null) {
            json.writeNullField("breach");
        } else {
            json.writeObjectFieldStart("breach");
            json.writeNumberField("count", service.breach().count());
            json.writeNumberField("of", service.breach().of());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    /** Two decimals, as the table shows; null when no server of the service answered. */
    private static void mean(JsonGenerator json, String field, double value) throws IOException {
        if (Double.isNaN(value)) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, Math.round(value * 100) / 100.0);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }
}
