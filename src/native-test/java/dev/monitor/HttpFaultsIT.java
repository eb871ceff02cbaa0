package dev.monitor;

import static dev.monitor.testing.InWords.assertInWords;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.monitor.testing.HostileServer;
import dev.monitor.testing.Misbehaviour;

/**
 * The packaged artifact in its own process against a server that breaks HTTP itself ({@link HostileServer}):
 * what reaches its stderr is monitor's own lines, never a framework's log line or a stack trace, whatever the
 * server does, and each misbehaving server is UNKNOWN with its reason in words.
 *
 * <p>
 * The in-process HttpFaultsCommandTest tries each misbehaviour in a run of its own, retries included; here the
 * question is whether the packaged command, with its own logging and (natively) its own image of the client,
 * says the same. So one run meets every misbehaviour at once, each on servers of its own, and a broken chunked
 * body on ten of them: the REST client has been seen to fail such a request twice, now and then, and the second
 * failure to reach the log. A broken server list ends a run, so it takes a run for each way it can fail.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@Execution(ExecutionMode.CONCURRENT)
class HttpFaultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Set<Misbehaviour> BROKEN_CHUNKS = EnumSet.of(Misbehaviour.BAD_CHUNK_SIZE,
            Misbehaviour.CHUNK_WITHOUT_CRLF, Misbehaviour.BAD_SECOND_CHUNK);

    @TempDir
    Path temp;

    private ArtifactRun run(HostileServer hostile, String... args) throws Exception {
        String[] common = { "--url", hostile.url(), "--snapshot", temp.resolve("snapshot.json").toString(),
                "--refresh", "--min-healthy", "1", "--retries", "0", "--timeout", "10s" };
        return ArtifactRun.of(temp, Map.of(), Stream.concat(Stream.of(common), Stream.of(args))
                .toArray(String[]::new));
    }

    /** 10.1.ORDINAL.N: the servers that misbehave so, ten for a broken chunked body, one for anything else. */
    private static Map<String, Misbehaviour> serversForEachMisbehaviour() {
        Map<String, Misbehaviour> servers = new HashMap<>();
        for (Misbehaviour misbehaviour : Misbehaviour.values()) {
            for (int n = 1; n <= (BROKEN_CHUNKS.contains(misbehaviour) ? 10 : 1); n++) {
                servers.put("10.1." + misbehaviour.ordinal() + "." + n, misbehaviour);
            }
        }
        return servers;
    }

    @Test
    void serversThatBreakHttpEveryWayAtOnceAreUnknownWithTheirReasonsAndLeaveMonitorsOwnLinesOnStderr()
            throws Exception {
        Map<String, Misbehaviour> misbehaving = serversForEachMisbehaviour();
        try (HostileServer hostile = new HostileServer().start()) {
            hostile.onDetailsOf(misbehaving);

            ArtifactRun run = run(hostile, "-o", "json");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertOnlyMonitorsLines(run.err());
            Map<String, JsonNode> servers = new HashMap<>();
            JSON.readTree(run.out()).get("servers").forEach(server -> servers.put(server.get("ip").asText(), server));
            assertThat(servers.get(HostileServer.GOOD).get("status").asText()).isEqualTo("Healthy");
            misbehaving.forEach((ip, misbehaviour) -> {
                JsonNode server = servers.get(ip);
                assertThat(server.get("status").asText()).as(ip + ", " + misbehaviour).isEqualTo("UNKNOWN");
                assertThat(server.get("reason").asText()).as(ip + ", " + misbehaviour)
                        .startsWith(misbehaviour.reason());
                assertInWords(server.get("reason").asText());
            });
        }
    }

    /**
     * One misbehaviour at each point where the list's answer can fail, each a path of its own to the user's line: a
     * status line that cannot be read or never comes, a status that is not 200 (without a body, a redirect, a
     * refusal with a header monitor reads, a request to wait), and a body cut short or broken. Every misbehaviour
     * of the list is HttpFaultsCommandTest's, in-process; the run above gives every reason from the packaged
     * command.
     */
    static Stream<Misbehaviour> oneMisbehaviourAtEachPointOfFailure() {
        return Stream.of(Misbehaviour.STATUS_GARBAGE, Misbehaviour.CLOSED_MID_STATUS_LINE, Misbehaviour.NO_CONTENT,
                Misbehaviour.SECRET_IN_LOCATION_ON_302, Misbehaviour.CONTROL_IN_AUTHENTICATE_ON_401,
                Misbehaviour.RETRY_AFTER_DATE_ON_503, Misbehaviour.CLOSED_MID_BODY, Misbehaviour.BAD_CHUNK_SIZE);
    }

    @ParameterizedTest
    @MethodSource("oneMisbehaviourAtEachPointOfFailure")
    void aServerListThatBreaksHttpIsOneLineInWords(Misbehaviour misbehaviour) throws Exception {
        try (HostileServer hostile = new HostileServer().start()) {
            hostile.onList(misbehaviour);

            ArtifactRun run = run(hostile);

            assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
            assertOnlyMonitorsLines(run.err());
            assertThat(run.err().lines()).singleElement().asString().startsWith("monitor: UNKNOWN: cannot list servers "
                    + "at " + hostile.url() + "/servers: " + misbehaviour.reason());
            assertInWords(run.err());
        }
    }

    private static void assertOnlyMonitorsLines(String err) {
        assertThat(err.lines()).as("monitor's own lines only:\n" + err)
                .allSatisfy(line -> assertThat(line).startsWith("monitor: "));
    }
}
