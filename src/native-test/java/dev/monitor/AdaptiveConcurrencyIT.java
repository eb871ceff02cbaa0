package dev.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged artifact ({@code target/monitor}) with its default concurrency (auto) against the two kinds of server
 * it must serve well: one that answers one connection at a time behind an accept queue of 5, in HTTP/1.0 (Python's
 * http.server), and the fast mock behind 20 ms. Every server is fetched; {@code --min-healthy 0} takes the random
 * figures out of the verdict, so that the exit code says only that: 0 when every server answered.
 */
@Timeout(180)
class AdaptiveConcurrencyIT {

    @RegisterExtension
    static MockServerProcess oneAtATime = new MockServerProcess("--servers", "150", "--workers", "1", "--backlog", "5",
            "--http10");

    @RegisterExtension
    static MockServerProcess fast = new MockServerProcess("--servers", "2000", "--latency-ms", "20");

    @TempDir
    Path temp;

    @Test
    void theDefaultFetchesEveryServerOfAOneAtATimeServerWithASmallQueue() throws Exception {
        ArtifactRun result = ArtifactRun.of(temp, Map.of(), "--port", String.valueOf(oneAtATime.port()),
                "--refresh", "--printservers", "--min-healthy", "0", "--verbose", "--snapshot",
                temp.resolve("s.json").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).doesNotContain("UNKNOWN").contains("10.58.1.150");
        assertThat(result.err()).contains("fetched 150 servers", "at concurrency auto (at most 256)");
    }

    @Test
    void theDefaultFetchesEveryServerOfTheFastMockAndGrowsPastItsStart() throws Exception {
        ArtifactRun result = ArtifactRun.of(temp, Map.of(), "--port", String.valueOf(fast.port()), "--refresh", "-o",
                "json", "--min-healthy", "0", "--verbose", "--snapshot", temp.resolve("s.json").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode counts = new ObjectMapper().readTree(result.out()).get("counts");
        assertThat(counts.get("servers").asInt()).isEqualTo(2000);
        assertThat(counts.get("unknown").asInt()).isZero();
        Matcher peak = Pattern.compile("the limit started at 4, peaked at (\\d+)").matcher(result.err());
        assertThat(peak.find()).as(result.err()).isTrue();
        assertThat(Integer.parseInt(peak.group(1))).as("the limit, behind 20 ms").isGreaterThan(8);
    }
}
