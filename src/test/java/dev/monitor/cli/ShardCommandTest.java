package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.monitor.testing.Launches;
import dev.monitor.testing.MockClusterExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * {@code --shard K/N} through the real command against the mock over a real socket: N shards fetch every server
 * of the cluster once between them, and each run says, in every format, that it judged its share only.
 */
@QuarkusTest
class ShardCommandTest {

    /** Every figure 50%: every server healthy, so that a verdict says what the shard did, not the figures. */
    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(150, 50);

    /** One server, 10.58.1.1, whose address hashes to shard 1 of 3: shards 2 and 3 of 3 hold nothing. */
    @RegisterExtension
    static MockClusterExtension single = new MockClusterExtension(1, 50);

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    private LaunchResult run(MockClusterExtension cluster, String snapshot,
            String... args) {
        return Launches.launch(launcher, List.of("--port", String.valueOf(cluster.port()), "--snapshot",
                temp.resolve(snapshot).toString()), args);
    }

    @Test
    void threeShardsFetchExactlyTheMocksServersEachOnce() throws Exception {
        List<String> addresses = mock.cluster().fleet().addresses();
        Map<String, Integer> before = addresses.stream()
                .collect(Collectors.toMap(address -> address, address -> mock.cluster().requestCount("/" + address)));
        List<Set<String>> shares = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            LaunchResult result = run(mock, "shard-" + k + ".json", "--shard", k + "/3", "-o", "json");

            assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
            JsonNode document = new ObjectMapper().readTree(result.getOutput());
            Set<String> share = new HashSet<>();
            document.get("servers").forEach(server -> share.add(server.get("ip").asText()));
            assertThat(share).as("shard %d of 3", k).isNotEmpty().hasSize(document.get("servers").size());
            shares.add(share);
        }

        Set<String> union = new HashSet<>();
        shares.forEach(share -> {
            assertThat(Collections.disjoint(union, share)).as("shares disjoint").isTrue();
            union.addAll(share);
        });
        assertThat(union).isEqualTo(new HashSet<>(addresses));
        for (String address : addresses) {
            assertThat(mock.cluster().requestCount("/" + address) - before.get(address))
                    .as("requests for %s", address).isOne();
        }
    }

    @Test
    void theShardsPrometheusSeriesAddUpToTheMocksServersPerService() {
        Map<String, Double> servers = new HashMap<>();
        double fetched = 0;
        for (int k = 1; k <= 3; k++) {
            String text = run(mock, "prometheus-" + k + ".json", "--shard", k + "/3", "-o", "prometheus")
                    .getOutput();
            for (String line : text.lines().toList()) {
                Matcher service = Pattern.compile("monitor_service_servers\\{service=\"(\\w+)\"} (\\S+)").matcher(line);
                if (service.matches()) {
                    servers.merge(service.group(1), Double.parseDouble(service.group(2)), Double::sum);
                } else if (line.startsWith("monitor_fetched_servers ")) {
                    fetched += Double.parseDouble(line.substring(line.indexOf(' ') + 1));
                }
            }
            assertThat(text).as("a real fetch took some time").containsPattern("(?m)^monitor_fetch_duration_seconds"
                    + " [0-9.E-]+$").contains("monitor_up 1.0");
        }

        Map<String, Double> expected = mock.cluster().fleet().addresses().stream().collect(Collectors.groupingBy(
                address -> mock.cluster().fleet().serviceAt(address), Collectors.summingDouble(address -> 1)));
        assertThat(servers).isEqualTo(expected);
        assertThat(fetched).isEqualTo(150);
    }

    @Test
    void everyFormatSaysTheRunJudgedOneShard() throws Exception {
        LaunchResult table = run(mock, "table.json", "--shard", "2/3", "--avg");
        assertThat(table.getOutput().lines().findFirst().orElseThrow())
                .matches("Shard 2/3 only: [0-9]+ servers of those the cluster lists, judged on their own; the other"
                        + " shards judge the rest\\.");

        JsonNode json = new ObjectMapper().readTree(run(mock, "json.json", "--shard", "2/3", "-o", "json")
                .getOutput());
        assertThat(json.get("shard").get("number").asInt()).isEqualTo(2);
        assertThat(json.get("shard").get("of").asInt()).isEqualTo(3);
        assertThat(json.get("summary").asText()).startsWith("shard 2/3: ");

        List<String> csv = run(mock, "csv.json", "--shard", "2/3", "-o", "csv", "--printservers")
                .getOutput().lines().toList();
        assertThat(csv.getFirst()).isEqualTo("ip,service,status,cpu,memory,reason,shard");
        assertThat(csv.subList(1, csv.size())).isNotEmpty().allMatch(row -> row.endsWith(",2/3"));

        assertThat(run(mock, "nagios.json", "--shard", "2/3", "-o", "nagios").getOutput())
                .startsWith("MONITOR OK - shard 2/3: ");

        assertThat(run(mock, "prometheus.json", "--shard", "2/3", "-o", "prometheus").getOutput())
                .contains("monitor_shard_info{shard=\"2\",shards=\"3\"} 1");
    }

    /** Nothing listens on port 1: the API cannot be read, and a shard's run says which shard failed. */
    @Test
    void aShardThatCannotReadTheApiSaysWhichShardInEveryFormat() throws Exception {
        List<String> unreachable = List.of("--port", "1", "--retries", "0", "--shard", "2/3", "--snapshot",
                temp.resolve("unreachable.json").toString());

        LaunchResult table = Launches.launch(launcher, unreachable);
        assertThat(table.exitCode()).isEqualTo(3);
        assertThat(table.getErrorStream()).singleElement().asString().startsWith("monitor: UNKNOWN: shard 2/3: ");

        JsonNode json = new ObjectMapper().readTree(Launches.launch(launcher, unreachable, "-o", "json").getOutput());
        assertThat(json.get("verdict").asText()).isEqualTo("UNKNOWN");
        assertThat(json.get("shard").get("number").asInt()).isEqualTo(2);
        assertThat(json.get("shard").get("of").asInt()).isEqualTo(3);
        assertThat(json.get("summary").asText()).startsWith("shard 2/3: ");

        assertThat(Launches.launch(launcher, unreachable, "-o", "nagios").getOutput())
                .startsWith("MONITOR UNKNOWN - shard 2/3: ");
        assertThat(Launches.launch(launcher, unreachable, "-o", "prometheus").getOutput())
                .contains("monitor_shard_info{shard=\"2\",shards=\"3\"} 1", "monitor_up 0.0");
    }

    @Test
    void theWholeClusterIsShardOneOfOneAndSaysNothingOfShards() throws Exception {
        JsonNode json = new ObjectMapper().readTree(run(mock, "whole.json", "-o", "json").getOutput());

        assertThat(json.get("shard").isNull()).isTrue();
        assertThat(json.get("servers")).hasSize(150);
        assertThat(json.get("summary").asText()).doesNotContain("shard");
        assertThat(run(mock, "whole.json", "-o", "prometheus").getOutput())
                .contains("monitor_shard_info{shard=\"1\",shards=\"1\"} 1");
    }

    @Test
    void aShardHoldingNoServerIsAWarningThatSaysWhy() throws Exception {
        LaunchResult result = run(single, "empty.json", "--shard", "2/3", "--avg", "--unhealthyservices");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isEqualTo(1);
        assertThat(result.getErrorStream()).containsExactly("monitor: WARNING: shard 2/3: none of the servers the"
                + " cluster lists falls in this shard");
        assertThat(result.getOutput()).startsWith("Shard 2/3 only: none of the servers the cluster lists falls in"
                + " it.\n").contains("No service judged: none of the servers the cluster lists falls in shard 2/3.");
        JsonNode json = new ObjectMapper().readTree(run(single, "empty.json", "--shard", "3/3", "-o", "json")
                .getOutput());
        assertThat(json.get("verdict").asText()).isEqualTo("WARNING");
        assertThat(json.get("servers")).isEmpty();
        assertThat(run(single, "empty.json", "--shard", "2/3", "-o", "prometheus").getOutput())
                .as("the API was read: up, nothing fetched, WARNING").contains("monitor_up 1.0",
                        "monitor_fetched_servers 0.0", "monitor_verdict{monitor_verdict=\"WARNING\"} 1");

        assertThat(run(single, "full.json", "--shard", "1/3", "--min-healthy", "1").exitCode())
                .as("the shard that holds it").isZero();
    }

    @Test
    void aSnapshotOfAnotherShareNeverStandsInForThisOne() throws Exception {
        assertThat(run(mock, "shared.json", "--shard", "1/3").exitCode()).isZero();

        LaunchResult whole = run(mock, "shared.json", "-o", "json");

        assertThat(whole.getErrorStream()).containsExactly("monitor: warning: the snapshot "
                + temp.resolve("shared.json") + " holds shard 1/3, not the whole cluster; fetching afresh");
        assertThat(new ObjectMapper().readTree(whole.getOutput()).get("servers")).hasSize(150);
        LaunchResult other = run(mock, "shared.json", "--shard", "3/3");
        assertThat(other.getErrorOutput()).contains("holds the whole cluster, not shard 3/3; fetching afresh");
    }

    @Test
    void aShardThatIsNotKOfNIsAUsageErrorInOneLine() {
        int requests = mock.cluster().requestCount();
        Map<String, String> reasons = Map.of(
                "0/3", "'0/3': there is no shard 0 of 3: K is from 1 to 3",
                "4/3", "'4/3': there is no shard 4 of 3: K is from 1 to 3",
                "1/0", "'1/0': there are no shards of 0: N is at least 1",
                "x/y", "'x/y' is not K/N in digits 0-9, such as 1/3",
                "\u0662/3", "'\u0662/3' is not K/N in digits 0-9, such as 1/3",
                "-1/3", "'-1/3' is not K/N in digits 0-9, such as 1/3",
                "1/3/3", "'1/3/3' is not K/N in digits 0-9, such as 1/3",
                "3", "'3' is not K/N in digits 0-9, such as 1/3");
        reasons.forEach((shard, reason) -> {
            LaunchResult result = run(mock, "usage.json", "--shard", shard);

            assertThat(result.exitCode()).as(shard).isEqualTo(3);
            assertThat(result.getErrorStream()).as(shard).containsExactly(
                    "monitor: Invalid value for option '--shard': " + reason,
                    "Try 'monitor --help' for more information.");
            assertThat(result.getOutput()).as(shard).isEmpty();
        });
        assertThat(mock.cluster().requestCount()).as("nothing fetched").isEqualTo(requests);
    }
}
