package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.monitor.mock.MockCluster;
import dev.monitor.testing.MockClusterExtension;
import dev.monitor.testing.Launches;
import dev.monitor.testing.SpecialFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * {@code --output} and its companions, through the real command against the mock over a real socket. The
 * mock's figures are random but seeded, so the verdict varies while each run is reproducible.
 */
@QuarkusTest
class OutputFormatsCommandTest {

    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(MockCluster.random(60, Duration.ZERO, 42L));

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    private LaunchResult run(String... args) {
        return Launches.launch(launcher, List.of("--snapshot", temp.resolve("snapshot.json").toString(),
                "--port", String.valueOf(mock.port())), args);
    }

    @Test
    void jsonIsTheOnlyThingOnStdoutAndItsVerdictIsTheExitCode() throws Exception {
        LaunchResult result = run("-o", "json", "--printservers", "--avg");

        JsonNode document = new ObjectMapper().readTree(result.getOutput());
        assertThat(document.get("servers")).hasSize(60);
        assertThat(document.get("exitCode").asInt()).isEqualTo(result.exitCode());
    }

    @Test
    void formatNamesAreAcceptedInAnyCase() {
        assertThat(run("--output", "NAGIOS").getOutput()).startsWith("MONITOR ");
    }

    @Test
    void csvWithTwoReportsIsAUsageErrorThatSaysSo() {
        int requests = mock.cluster().requestCount();
        LaunchResult result = run("-o", "csv", "--printservers", "--avg");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getOutput()).isEmpty();
        assertThat(result.getErrorOutput()).contains("-o csv prints one report per run")
                .contains("--printservers, --avg");
        assertThat(mock.cluster().requestCount()).as("checked before any request").isEqualTo(requests);
        assertThat(Files.exists(temp.resolve("snapshot.json"))).isFalse();
    }

    @Test
    void unknownFormatIsAUsageError() {
        LaunchResult result = run("-o", "yaml");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput()).startsWith("monitor: ").contains("yaml");
    }

    @Test
    void nagiosPrintsItsUnknownLineWhenTheApiIsUnreachable() {
        LaunchResult result = launcher.launch("--port", "1", "--retries", "0", "-o", "nagios", "--snapshot",
                temp.resolve("none.json").toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getOutputStream()).hasSize(1);
        assertThat(result.getOutput()).startsWith("MONITOR UNKNOWN - ").contains("connection refused");
    }

    @Test
    void outputFileGetsTheReportAtomicallyAndStdoutStaysEmpty() throws Exception {
        Path metrics = temp.resolve("monitor.prom");
        Files.writeString(metrics, "old");

        LaunchResult result = run("-o", "prometheus", "--output-file", metrics.toString());

        assertThat(result.getOutput()).isEmpty();
        assertThat(Files.readString(metrics)).contains("# TYPE monitor_service_servers gauge")
                .contains("monitor_verdict{monitor_verdict=");
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left behind")
                    .containsExactlyInAnyOrder("monitor.prom", "snapshot.json", "snapshot.history.json");
        }
    }

    @Test
    void outputFileThatIsAFifoIsWrittenIntoAndItsReaderGetsTheReport() throws Exception {
        Path fifo = SpecialFiles.fifo(temp.resolve("monitor.fifo"));
        // A thread of its own: opening the FIFO blocks it until monitor opens the other end.
        FutureTask<String> reader = new FutureTask<>(() -> Files.readString(fifo));
        Thread.ofPlatform().daemon().name("fifo reader").start(reader);

        LaunchResult result = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> run("-o", "prometheus", "--output-file", fifo.toString()));

        assertThat(result.getErrorOutput()).doesNotContain("cannot write");
        assertThat(reader.get(30, TimeUnit.SECONDS)).contains("# TYPE monitor_service_servers gauge")
                .contains("monitor_verdict{monitor_verdict=");
        assertThat(SpecialFiles.type(fifo)).isEqualTo("fifo");
        assertThat(result.getOutput()).isEmpty();
    }

    @Test
    void outputFileThatIsACharacterDeviceIsWrittenIntoAndStaysADevice() throws Exception {
        Path device = SpecialFiles.nullDevice(temp.resolve("null"));

        LaunchResult result = run("-o", "prometheus", "--output-file", device.toString());

        assertThat(result.getErrorOutput()).doesNotContain("cannot write");
        assertThat(SpecialFiles.type(device)).as("not renamed over").isEqualTo("character device");
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left behind")
                    .containsExactlyInAnyOrder("null", "snapshot.json", "snapshot.history.json");
        }
    }

    @Test
    void outputFileThroughALinkToAFileReplacesTheFileAndKeepsTheLink() throws Exception {
        Path target = Files.writeString(temp.resolve("monitor.prom"), "old");
        Path link = Files.createSymbolicLink(temp.resolve("link.prom"), target.getFileName());

        run("-o", "prometheus", "--output-file", link.toString());

        assertThat(SpecialFiles.type(link)).isEqualTo("symbolic link");
        assertThat(Files.readSymbolicLink(link)).isEqualTo(target.getFileName());
        assertThat(Files.readString(target)).contains("monitor_verdict{monitor_verdict=");
    }

    @Test
    void outputFileReplacedKeepsThePermissionsItHad() throws Exception {
        Path restricted = Files.writeString(temp.resolve("restricted.prom"), "x");
        Files.setPosixFilePermissions(restricted, PosixFilePermissions.fromString("rw-------"));
        // Group-writable: a umask of 022 (the usual) would take that bit from a new file, not from this one.
        Path shared = Files.writeString(temp.resolve("shared.prom"), "x");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));

        run("-o", "prometheus", "--output-file", restricted.toString());
        run("-o", "prometheus", "--output-file", shared.toString());

        assertThat(Files.readString(restricted)).contains("monitor_verdict{monitor_verdict=");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restricted))).isEqualTo("rw-------");
        assertThat(Files.readString(shared)).contains("monitor_verdict{monitor_verdict=");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rw-rw-r--");
    }

    @Test
    void newOutputFileIsReadableByAllLessWhatTheUmaskTakes() throws Exception {
        Path created = temp.resolve("monitor.prom");

        run("-o", "prometheus", "--output-file", created.toString());

        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(created);
        assertThat(PosixFilePermissions.fromString("rw-r--r--")).as("0644 at most").containsAll(mode);
        assertThat(mode).as("the usual umask takes none of the owner's bits")
                .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void outputFileThatIsTheSnapshotOrItsHistoryIsAUsageErrorThatLeavesThemAsTheyWere()
            throws Exception {
        Path snapshot = temp.resolve("snapshot.json");
        Path history = temp.resolve("snapshot.history.json");
        assertThat(run("--refresh").getErrorOutput()).doesNotContain("could not save");
        byte[] savedSnapshot = Files.readAllBytes(snapshot);
        byte[] savedHistory = Files.readAllBytes(history);
        Path linkedDirectory = Files.createSymbolicLink(temp.resolve("linked"), temp);
        int requests = mock.cluster().requestCount();

        for (Path same : List.of(snapshot, temp.resolve("./snapshot.json"), linkedDirectory.resolve("snapshot.json"))) {
            LaunchResult result = run("-o", "prometheus", "--refresh", "--output-file", same.toString());

            assertThat(result.exitCode()).as(same.toString()).isEqualTo(3);
            assertThat(result.getErrorStream()).as(same.toString()).containsExactly("monitor: --output-file " + same
                    + " is the snapshot " + snapshot + "; write the report to another file",
                    "Try 'monitor --help' for more information.");
        }
        LaunchResult beside = run("-o", "prometheus", "--output-file", history.toString());
        assertThat(beside.exitCode()).isEqualTo(3);
        assertThat(beside.getErrorStream()).first().isEqualTo("monitor: --output-file " + history
                + " is the verdict history " + history + "; write the report to another file");

        assertThat(mock.cluster().requestCount()).as("nothing fetched").isEqualTo(requests);
        assertThat(Files.readAllBytes(snapshot)).isEqualTo(savedSnapshot);
        assertThat(Files.readAllBytes(history)).isEqualTo(savedHistory);
    }

    @Test
    void outputFileThatIsADirectoryIsAUsageError() {
        LaunchResult result = run("--output-file", temp.toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput()).contains("is a directory");
    }

    @Test
    void outputFileInAMissingDirectoryIsOneLineNamingTheDirectory() {
        Path directory = temp.resolve("missing");

        LaunchResult result = run("--output-file", directory.resolve("monitor.prom").toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorStream()).containsExactly("monitor: cannot write --output-file "
                + directory.resolve("monitor.prom") + ": no directory " + directory);
        assertThat(directory).doesNotExist();
    }

    @Test
    void watchIntervalsBelowTheMinimumAndTwoLiveViewsAreUsageErrors() {
        LaunchResult zero = run("--watch", "0");
        assertThat(zero.exitCode()).isEqualTo(3);
        assertThat(zero.getErrorOutput()).contains("--watch SECONDS: SECONDS must be a whole number, at least 1");

        LaunchResult both = run("--watch", "5", "--service", "AuthService", "5");
        assertThat(both.exitCode()).isEqualTo(3);
        assertThat(both.getErrorOutput()).contains("--watch and --service are two live views");
    }

    @Test
    void tableHasNoColourWhenStdoutIsNotATerminal() {
        LaunchResult result = run("--printservers");

        assertThat(result.getOutput()).contains("Healthy").doesNotContain("\u001B");
    }

    @Test
    void sortByCpuOrdersTheServerRowsNumerically() {
        LaunchResult result = run("--printservers", "--sort-by", "cpu", "--no-headers");

        List<Integer> cpu = result.getOutputStream().stream()
                .map(line -> line.trim().split("\\s+")[3])
                .map(value -> Integer.parseInt(value.replace("%", "")))
                .toList();
        assertThat(cpu).hasSize(60).isSorted();
        assertThat(cpu.getFirst()).isLessThan(cpu.getLast());
    }
}
