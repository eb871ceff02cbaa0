package dev.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --for} across separate runs of the packaged artifact ({@code target/monitor}), as cron runs it: each run
 * is its own process, so only the history file carries the count. {@code --cpu-limit 0} makes every server
 * unhealthy, so every service is below its minimum on every fetch.
 */
class FlappingIT {

    private static final Duration PATIENCE = Duration.ofMinutes(1);

    @RegisterExtension
    static MockServerProcess mock = new MockServerProcess("--servers", "150");

    @TempDir
    Path temp;

    private List<String> args(String... more) {
        List<String> args = new ArrayList<>(List.of("--port", String.valueOf(mock.port()), "--snapshot",
                temp.resolve("s.json").toString(), "--cpu-limit", "0", "--for", "3"));
        args.addAll(List.of(more));
        return args;
    }

    private ArtifactRun run(List<String> args) throws Exception {
        return ArtifactRun.of(temp, Map.of(), args.toArray(String[]::new));
    }

    @Test
    void threeFreshRunsBelowTheMinimumAreWarningWarningCritical() throws Exception {
        ArtifactRun first = run(args("--refresh"));
        ArtifactRun second = run(args("--refresh"));
        ArtifactRun third = run(args("--refresh"));

        assertThat(first.exitCode()).as(first.err()).isEqualTo(1);
        assertThat(first.err()).contains("breach 1 of 3");
        assertThat(second.exitCode()).as(second.err()).isEqualTo(1);
        assertThat(second.err()).contains("breach 2 of 3");
        assertThat(third.exitCode()).as(third.err()).isEqualTo(2);

        ArtifactRun history = run(args("--history"));
        assertThat(history.exitCode()).as(history.err()).isZero();
        assertThat(history.out()).contains("the last 3 of 3 fresh fetches")
                .as("the run's verdicts, in the row without a service").containsPattern("(?m)^ +WWC$")
                .containsPattern("(?m)AuthService +CCC +0/\\d+ +3 *$");
    }

    @Test
    void eachTickOfAWatchIsAFreshFetchThatCounts() throws Exception {
        MonitorProcess watch = MonitorProcess.start(args("--watch", "1", "-o", "json"));
        try {
            assertThat(watch.awaitOut(0, line -> line.contains("\"verdict\":\"CRITICAL\""), PATIENCE))
                    .as(watch.err()).isTrue();
        } finally {
            watch.signal("INT");
        }

        assertThat(watch.exitCode(PATIENCE)).isZero();
        List<String> verdicts = watch.out().lines()
                .map(line -> line.replaceAll(".*\"verdict\":\"([A-Z]+)\".*", "$1")).limit(3).toList();
        assertThat(verdicts).containsExactly("WARNING", "WARNING", "CRITICAL");
    }
}
