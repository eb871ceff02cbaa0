package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.testing.Launches;
import dev.monitor.testing.MockClusterExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * Usage errors in monitor's own words: one line and a hint, exit 3, nothing fetched, and never a repeat of the
 * user, password, query or fragment of what was typed.
 */
@QuarkusTest
class UsageErrorsCommandTest {

    private static final String HINT = "Try 'monitor --help' for more information.";

    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(20, 50);

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    private LaunchResult run(String... args) {
        return Launches.launch(launcher, List.of("--snapshot", temp.resolve("snapshot.json").toString()), args);
    }

    /** One line that starts as given, then the hint (after picocli's suggestion, if it has one), exit 3. */
    private void assertUsageError(LaunchResult result, String start) {
        assertThat(result.exitCode()).as(result.getErrorOutput()).isEqualTo(3);
        assertThat(result.getErrorStream()).as(result.getErrorOutput()).hasSizeBetween(2, 3).last().isEqualTo(HINT);
        assertThat(result.getErrorStream().getFirst()).startsWith(start);
        assertThat(result.getOutput()).isEmpty();
    }

    @Test
    void aUrlOrProxyIsRefusedWithoutRepeatingItsUserPasswordQueryOrFragment() {
        int before = mock.cluster().requestCount();
        // Each secret part is "s3" and a letter: none may be repeated, even from a URL too broken to parse.
        Map<List<String>, String> typed = Map.ofEntries(
                Map.entry(List.of("--url", "http://127.0.0.1:1/?token=s3a"), "monitor: --url must not have a query"),
                Map.entry(List.of("--url", "http://127.0.0.1:1/#s3b"), "monitor: --url must not have a query"),
                Map.entry(List.of("--url", "http://ops:s3c@127.0.0.1:1/"), "monitor: --url must not carry credentials"),
                Map.entry(List.of("--url", "http://ops:pass s3d@127.0.0.1:1/"), "monitor: --url 'http://***@"),
                Map.entry(List.of("--url", "ops:s3e@127.0.0.1:1"), "monitor: --url must be an http:// or https://"),
                Map.entry(List.of("--url", "ftp://ops:s3f@host/?s3g"), "monitor: --url must be an http:// or https://"),
                Map.entry(List.of("http://ops:s3h@127.0.0.1:1/"), "monitor: Unmatched argument at index "),
                Map.entry(List.of("--port", "1", "--proxy", "http://ops:s3i@proxy:3128"),
                        "monitor: --proxy must not carry credentials"),
                Map.entry(List.of("--port", "1", "--proxy", "http://ops:pass s3j@proxy:3128"),
                        "monitor: --proxy is not a proxy URL"),
                Map.entry(List.of("--host", "ops:s3k@127.0.0.1", "--port", "1"),
                        "monitor: --host must be a host name or an IP address, without a user or password"));
        typed.forEach((args, start) -> {
            LaunchResult result = run(args.toArray(String[]::new));

            assertUsageError(result, start);
            assertThat(result.getErrorOutput()).as(String.join(" ", args)).doesNotContain("s3");
        });
        assertThat(mock.cluster().requestCount()).isEqualTo(before);
    }

    @Test
    void aHostThatIsNeitherAHostNameNorAnIpAddressIsRefusedInOneLine() {
        Map<String, String> hosts = Map.of(
                "127.0.0.1#", "monitor: --host must be a host name or an IP address, not a URL or part of one "
                        + "(it holds '#'); give a whole URL with --url",
                "127.0.0.1/admin", "monitor: --host must be a host name or an IP address, not a URL or part of one "
                        + "(it holds '/')",
                "localhost:8080", "monitor: --host must be a host name or an IP address, without a port: give the "
                        + "port with --port",
                "[::1]:8080", "monitor: --host must be a host name or an IP address, without a port",
                "fe80::1::2", "monitor: --host is not an IPv6 address",
                "my_host", "monitor: --host 'my_host' is not a host name (letters, digits and hyphens, between "
                        + "dots) or an IP address",
                "10.0.0.256", "monitor: --host '10.0.0.256' is not an IPv4 address",
                "cluster-.example", "monitor: --host 'cluster-.example' is not a host name",
                "clus ter", "monitor: --host must be a host name or an IP address: it holds a space or a character no "
                        + "host name has",
                "", "monitor: --host needs a host name or an IP address");
        hosts.forEach((host, start) -> assertUsageError(run("--host", host, "--port",
                String.valueOf(mock.port())), start));
    }

    @Test
    void aMaxStaleShorterThanTheMaxAgeIsAUsageError() {
        assertUsageError(run("--port", String.valueOf(mock.port()), "--max-age", "5m", "--max-stale", "1m"),
                "monitor: --max-stale 1m is shorter than --max-age 5m: a snapshot that young is used without asking "
                        + "the API; give --max-stale at least as long (the same to never show stale data)");
        assertUsageError(run("--port", String.valueOf(mock.port()), "--max-stale", "30s"),
                "monitor: --max-stale 30s is shorter than the default --max-age 2m");
    }

    @Test
    void aServiceWithoutItsIntervalSaysWhatItNeedsWithAnExample() {
        for (List<String> args : List.of(List.of("--service", "AuthService"), List.of("--service"),
                List.of("--service", "AuthService", "--avg"))) {
            List<String> all = new ArrayList<>(List.of("--port", String.valueOf(mock.port())));
            all.addAll(args);

            assertUsageError(run(all.toArray(String[]::new)),
                    "monitor: --service needs a name and an interval in seconds: --service AuthService 5");
        }
    }
}
