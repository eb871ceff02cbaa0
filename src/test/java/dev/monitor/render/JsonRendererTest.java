package dev.monitor.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;

import dev.monitor.analysis.Unavailable;
import dev.monitor.analysis.Verdict;
import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Shard;
import dev.monitor.testing.TestThresholds;

/** The JSON document, read back by Jackson and held against the schema docs/output-formats.md documents. */
class JsonRendererTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The "json" table of docs/output-formats.md: each field and the JSON types it may have. */
    private static final Map<String, List<JsonNodeType>> DOCUMENT = Map.ofEntries(
            Map.entry("schemaVersion", List.of(JsonNodeType.NUMBER)),
            Map.entry("endpoint", List.of(JsonNodeType.STRING)),
            Map.entry("verdict", List.of(JsonNodeType.STRING)),
            Map.entry("exitCode", List.of(JsonNodeType.NUMBER)),
            Map.entry("summary", List.of(JsonNodeType.STRING)),
            Map.entry("thresholds", List.of(JsonNodeType.OBJECT)),
            Map.entry("fetchedAt", List.of(JsonNodeType.STRING, JsonNodeType.NULL)),
            Map.entry("snapshotAgeSeconds", List.of(JsonNodeType.NUMBER, JsonNodeType.NULL)),
            Map.entry("peakConcurrency", List.of(JsonNodeType.NUMBER, JsonNodeType.NULL)),
            Map.entry("stale", List.of(JsonNodeType.STRING, JsonNodeType.NULL)),
            Map.entry("shard", List.of(JsonNodeType.OBJECT, JsonNodeType.NULL)),
            Map.entry("counts", List.of(JsonNodeType.OBJECT)),
            Map.entry("servers", List.of(JsonNodeType.ARRAY)),
            Map.entry("services", List.of(JsonNodeType.ARRAY)));
    private static final Map<String, List<JsonNodeType>> SERVER = Map.of(
            "ip", List.of(JsonNodeType.STRING),
            "service", List.of(JsonNodeType.STRING, JsonNodeType.NULL),
            "status", List.of(JsonNodeType.STRING),
            "cpu", List.of(JsonNodeType.NUMBER, JsonNodeType.NULL),
            "memory", List.of(JsonNodeType.NUMBER, JsonNodeType.NULL),
            "reason", List.of(JsonNodeType.STRING, JsonNodeType.NULL));
    private static final Map<String, List<JsonNodeType>> SERVICE = Map.ofEntries(
            Map.entry("service", List.of(JsonNodeType.STRING)),
            Map.entry("servers", List.of(JsonNodeType.NUMBER)),
            Map.entry("healthy", List.of(JsonNodeType.NUMBER)),
            Map.entry("unknown", List.of(JsonNodeType.NUMBER)),
            Map.entry("meanCpu", List.of(JsonNodeType.NUMBER, JsonNodeType.NULL)),
            Map.entry("meanMemory", List.of(JsonNodeType.NUMBER, JsonNodeType.NULL)),
            Map.entry("belowMinimum", List.of(JsonNodeType.BOOLEAN)),
            Map.entry("minimum", List.of(JsonNodeType.NUMBER)),
            Map.entry("warnMinimum", List.of(JsonNodeType.NUMBER)),
            Map.entry("state", List.of(JsonNodeType.STRING)),
            Map.entry("breach", List.of(JsonNodeType.OBJECT, JsonNodeType.NULL)));

    @Test
    void documentFollowsTheSchemaWithNumbersAsNumbers() throws Exception {
        JsonNode document = MAPPER.readTree(render(new JsonRenderer(true), Reports.mixed()));

        assertMatches(document, DOCUMENT, "document");
        document.get("servers").forEach(server -> assertMatches(server, SERVER, "server"));
        document.get("services").forEach(service -> assertMatches(service, SERVICE, "service"));
        assertThat(document.get("schemaVersion").asInt()).isEqualTo(JsonRenderer.SCHEMA_VERSION);
        assertThat(document.get("verdict").asText()).isEqualTo("CRITICAL");
        assertThat(document.get("exitCode").asInt()).isEqualTo(2);
        assertThat(document.get("fetchedAt").asText()).isEqualTo("2026-11-26T08:00:00Z");
        assertThat(document.get("snapshotAgeSeconds").asDouble()).isEqualTo(1.5);
        assertThat(document.get("peakConcurrency").asInt()).isEqualTo(Reports.PEAK_CONCURRENCY);
        assertThat(document.get("thresholds").get("minHealthy").isInt()).isTrue();
    }

    @Test
    void unknownServersAreListedWithTheirReasonAndCounted() throws Exception {
        JsonNode document = MAPPER.readTree(render(new JsonRenderer(true), Reports.mixed()));

        JsonNode counts = document.get("counts");
        assertThat(counts.get("servers").asInt()).isEqualTo(6);
        assertThat(counts.get("healthy").asInt()).isEqualTo(3);
        assertThat(counts.get("unhealthy").asInt()).isEqualTo(1);
        assertThat(counts.get("unknown").asInt()).isEqualTo(2);
        JsonNode timedOut = find(document.get("servers"), "ip", "10.0.0.3");
        assertThat(timedOut.get("status").asText()).isEqualTo("UNKNOWN");
        assertThat(timedOut.get("reason").asText()).isEqualTo("timed out after 5s");
        assertThat(timedOut.get("cpu").isNull()).isTrue();
        JsonNode measured = find(document.get("servers"), "ip", "10.0.0.2");
        assertThat(measured.get("cpu").isIntegralNumber()).isTrue();
        assertThat(measured.get("cpu").asInt()).isEqualTo(95);
        assertThat(find(document.get("servers"), "ip", "not-an-ip").get("service").isNull()).isTrue();
        assertThat(counts.get("noKnownService").asInt()).isEqualTo(1);
    }

    @Test
    void servicesCarryTheirMeansAsNumbersAndWhetherTheyAreBelowTheMinimum() throws Exception {
        JsonNode services = MAPPER.readTree(render(new JsonRenderer(true), Reports.mixed())).get("services");

        JsonNode auth = find(services, "service", "AuthService");
        assertThat(auth.get("meanCpu").asDouble()).isEqualTo(38.0);
        assertThat(auth.get("meanMemory").asDouble()).isEqualTo(20.0);
        assertThat(auth.get("belowMinimum").asBoolean()).isFalse();
        assertThat(find(services, "service", "UserService").get("belowMinimum").asBoolean()).isTrue();
        assertThat(services).as("the server of no known service is in none").hasSize(2);
    }

    @Test
    void aBreachHeldBackByForIsStateWarningWithItsCountAndStillBelowTheMinimum() throws Exception {
        JsonNode document = MAPPER.readTree(render(new JsonRenderer(true), Reports.heldBack()));

        document.get("services").forEach(service -> assertMatches(service, SERVICE, "service"));
        JsonNode user = find(document.get("services"), "service", "UserService");
        assertThat(user.get("state").asText()).isEqualTo("WARNING");
        assertThat(user.get("belowMinimum").asBoolean()).isTrue();
        assertThat(user.get("breach").get("count").asInt()).isEqualTo(2);
        assertThat(user.get("breach").get("of").asInt()).isEqualTo(3);
        assertThat(find(document.get("services"), "service", "AuthService").get("breach").isNull()).isTrue();
        assertThat(document.get("verdict").asText()).isEqualTo("WARNING");
        assertThat(document.get("exitCode").asInt()).isEqualTo(1);
    }

    @Test
    void unavailableIsADocumentOfTheSameSchemaWithVerdictUnknown() throws Exception {
        StringWriter text = new StringWriter();
        new JsonRenderer(true).unavailable(new Unavailable(URI.create("http://127.0.0.1:1"), Shard.WHOLE,
                TestThresholds.TYPICAL, Verdict.UNKNOWN, "cannot list servers: connection refused"),
                new PrintWriter(text));
        JsonNode document = MAPPER.readTree(text.toString());

        assertMatches(document, DOCUMENT, "document");
        assertThat(document.get("verdict").asText()).isEqualTo("UNKNOWN");
        assertThat(document.get("exitCode").asInt()).isEqualTo(3);
        assertThat(document.get("summary").asText()).contains("connection refused");
        assertThat(document.get("servers")).isEmpty();
    }

    @Test
    void oneLineModeWritesExactlyOneLineForNdjson() throws Exception {
        String text = render(new JsonRenderer(false), Reports.mixed());

        assertThat(text.lines()).hasSize(1);
        assertThat(MAPPER.readTree(text).get("servers")).hasSize(6);
    }

    @Test
    void theSummaryNamesFiveServicesButTheDocumentKeepsThemAll() throws Exception {
        Server[] servers = IntStream.rangeClosed(1, 12)
                .mapToObj(i -> new Server.Measured("10.0.0." + i, "S" + (char) ('A' + i), 99, 1))
                .toArray(Server[]::new);

        JsonNode document = MAPPER.readTree(render(new JsonRenderer(false), Reports.of(servers)));

        assertThat(document.get("summary").asText()).isEqualTo("12 of 12 services below 2 healthy: "
                + "SB 0/1, SC 0/1, SD 0/1, SE 0/1, SF 0/1 and 7 more");
        assertThat(document.get("services")).hasSize(12).allMatch(service -> service.get("belowMinimum").asBoolean());
    }

    @Test
    void hostileNamesAreEscapedNotBreakingTheDocument() throws Exception {
        String text = render(new JsonRenderer(false), Reports.of(
                new dev.monitor.snapshot.Server.Measured("10.0.0.1", "Quote\"Back\\slash\u001B[31m", 1, 1)));

        assertThat(MAPPER.readTree(text).get("servers").get(0).get("service").asText())
                .as("the escape shown as its code, as every format shows it").isEqualTo("Quote\"Back\\slash\\x1b[31m");
        assertThat(text).doesNotContain("\u001B");
    }

    static String render(Renderer renderer, dev.monitor.analysis.Report report) {
        StringWriter text = new StringWriter();
        renderer.render(report, EnumSet.allOf(Section.class), new PrintWriter(text));
        return text.toString();
    }

    private static void assertMatches(JsonNode node, Map<String, List<JsonNodeType>> schema, String what) {
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as(what + " fields").containsExactlyInAnyOrderElementsOf(schema.keySet());
        schema.forEach((field, types) -> assertThat(types).as(what + "." + field + " is " + node.get(field))
                .contains(node.get(field).getNodeType()));
    }

    @Test
    void thresholdsCarryTheLevelsOfEachServiceThatHasItsOwn() throws Exception {
        JsonNode document = MAPPER.readTree(render(new JsonRenderer(true), Reports.withOwnLevels()));

        JsonNode own = document.get("thresholds").get("services");
        assertThat(own.size()).isEqualTo(2);
        assertThat(own.get("AuthService").get("minHealthy").asInt()).as("the global one, in force for it").isEqualTo(1);
        assertThat(own.get("AuthService").get("warnHealthy").asInt()).isEqualTo(3);
        assertThat(own.get("UserService").get("minHealthy").asInt()).isEqualTo(2);
        assertThat(own.get("UserService").get("warnHealthy").isNull()).isTrue();
        JsonNode auth = find(document.get("services"), "service", "AuthService");
        assertThat(auth.get("warnMinimum").asInt()).isEqualTo(3);
        assertThat(auth.get("state").asText()).isEqualTo("WARNING");
        assertThat(find(document.get("services"), "service", "UserService").get("minimum").asInt()).isEqualTo(2);
        assertThat(MAPPER.readTree(render(new JsonRenderer(true), Reports.mixed())).get("thresholds")
                .get("services").isEmpty()).isTrue();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.get(field).asText().equals(value)) {
                return element;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value);
    }
}
