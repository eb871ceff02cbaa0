package dev.monitor;

import static dev.monitor.testing.InWords.assertInWords;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.monitor.testing.HostileServer;
import dev.monitor.testing.Misbehaviour;

/**
 * The packaged artifact in its own process against a server that breaks HTTP itself ({@link HostileServer}):
 * what reaches its stderr is monitor's own lines, never a framework's log line or a stack trace, whatever the
 * server does, and the server is UNKNOWN with a reason in words. A broken chunked body is tried ten times: the REST
 * client has been seen to fail such a request twice, now and then, and the second failure to reach the log.
 *
 * <p>
 * Each case has a server and a folder of its own, so the cases run at once: each mostly waits for the artifact
 * to start.
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
        String[] all = new String[common.length + args.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(args, 0, all, common.length, args.length);
        return ArtifactRun.of(temp, Map.of(), all);
    }

    @ParameterizedTest
    @EnumSource(Misbehaviour.class)
    void aServerThatBreaksHttpLeavesMonitorsOwnLinesOnStderr(Misbehaviour misbehaviour) throws Exception {
        try (HostileServer hostile = new HostileServer().start()) {
            hostile.onDetails(misbehaviour);

            for (int round = 0; round < (BROKEN_CHUNKS.contains(misbehaviour) ? 10 : 1); round++) {
                ArtifactRun run = run(hostile, "-o", "json");

                assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
                assertOnlyMonitorsLines(run.err());
                JsonNode bad = StreamSupport.stream(JSON.readTree(run.out()).get("servers").spliterator(), false)
                        .filter(server -> server.get("ip").asText().equals(HostileServer.HOSTILE)).findFirst()
                        .orElseThrow();
                assertThat(bad.get("status").asText()).isEqualTo("UNKNOWN");
                assertInWords(bad.get("reason").asText());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Misbehaviour.class)
    void aServerListThatBreaksHttpIsOneLineInWords(Misbehaviour misbehaviour) throws Exception {
        try (HostileServer hostile = new HostileServer().start()) {
            hostile.onList(misbehaviour);

            ArtifactRun run = run(hostile);

            assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
            assertOnlyMonitorsLines(run.err());
            assertThat(run.err().lines()).singleElement().asString()
                    .startsWith("monitor: UNKNOWN: cannot list servers at " + hostile.url() + "/servers: ");
            assertInWords(run.err());
        }
    }

    private static void assertOnlyMonitorsLines(String err) {
        assertThat(err.lines()).as("monitor's own lines only:\n" + err)
                .allSatisfy(line -> assertThat(line).startsWith("monitor: "));
    }
}
