package dev.monitor.cli;

import static dev.monitor.testing.InWords.assertInWords;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.monitor.testing.HostileServer;
import dev.monitor.testing.Misbehaviour;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * The command against a server that breaks HTTP itself ({@link HostileServer}), over a real socket: each
 * misbehaviour makes that server UNKNOWN, or the API unavailable, with a reason in monitor's words (never Java's,
 * never a header's value), and is tried again only when trying again could help.
 */
@QuarkusTest
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HttpFaultsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The misbehaviours that come from a connection, not from the server: a retry may meet a better one. */
    private static final Set<Misbehaviour> CUT_SHORT = EnumSet.of(Misbehaviour.CLOSED_AFTER_HEADERS,
            Misbehaviour.CLOSED_MID_BODY, Misbehaviour.CLOSED_MID_STATUS_LINE, Misbehaviour.CLOSED_BEFORE_FIRST_CHUNK,
            Misbehaviour.TRUNCATED_FINAL_CHUNK);

    @RegisterExtension
    static HostileServer hostile = new HostileServer();

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    private LaunchResult run(String... args) {
        String[] common = { "--url", hostile.url(), "--snapshot", temp.resolve("snapshot.json").toString(),
                "--min-healthy", "1", "--retries", "2", "--timeout", "5s" };
        String[] all = new String[common.length + args.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(args, 0, all, common.length, args.length);
        return launcher.launch(all);
    }

    @ParameterizedTest
    @EnumSource(Misbehaviour.class)
    void aServerThatBreaksHttpIsUnknownWithAReasonInWordsAndIsTriedAgainOnlyWhenCutShort(Misbehaviour misbehaviour) throws Exception {
        hostile.onList(null).onDetails(misbehaviour);
        String path = "/" + HostileServer.HOSTILE;
        int before = hostile.requestCount(path);

        LaunchResult result = run("-o", "json");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isEqualTo(1);
        Map<String, JsonNode> servers = new HashMap<>();
        JSON.readTree(result.getOutput()).get("servers")
                .forEach(server -> servers.put(server.get("ip").asText(), server));
        assertThat(servers.get(HostileServer.GOOD).get("status").asText()).isEqualTo("Healthy");
        JsonNode bad = servers.get(HostileServer.HOSTILE);
        assertThat(bad.get("status").asText()).isEqualTo("UNKNOWN");
        assertThat(bad.get("reason").asText()).startsWith(misbehaviour.reason());
        assertInWords(bad.get("reason").asText());
        assertThat(result.getErrorOutput().lines()).as("monitor's own lines only")
                .allSatisfy(line -> assertThat(line).startsWith("monitor: "));
        assertThat(hostile.requestCount(path) - before)
                .as("a connection cut short may do better on a retry; a server that broke HTTP would break it again")
                .isEqualTo(CUT_SHORT.contains(misbehaviour) ? 3 : 1);
    }

    @ParameterizedTest
    @EnumSource(Misbehaviour.class)
    void aServerListThatBreaksHttpIsSaidInWords(Misbehaviour misbehaviour) {
        hostile.onDetails(null).onList(misbehaviour);

        LaunchResult result = run();

        assertThat(result.exitCode()).isEqualTo(3);
        String line = result.getErrorOutput().strip();
        assertThat(line).startsWith("monitor: UNKNOWN: cannot list servers at " + hostile.url() + "/servers: "
                + misbehaviour.reason());
        if (misbehaviour == Misbehaviour.CLOSED_MID_STATUS_LINE) {
            assertThat(line).endsWith("(if that port serves HTTPS, use --url https://127.0.0.1:" + hostile.port()
                    + ")");
        } else {
            assertThat(line).as("an answer that came, even broken, is not a TLS port's silence")
                    .doesNotContain("HTTPS");
        }
        assertInWords(line);
        assertThat(result.getOutput()).isEmpty();
    }
}
