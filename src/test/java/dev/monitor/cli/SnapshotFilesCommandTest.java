package dev.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.testing.Launches;
import dev.monitor.testing.MockClusterExtension;
import dev.monitor.testing.SpecialFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * The snapshot and the verdict history as the real command tells of them when they are broken or cannot be
 * kept: in the files' own terms, naming the field and the path the user gave, and never losing what is saved.
 * Every figure of this mock is 50%, so every run is OK (exit 0) whatever became of the files.
 */
@QuarkusTest
class SnapshotFilesCommandTest {

    @RegisterExtension
    static MockClusterExtension mock = new MockClusterExtension(30, 50);

    private final QuarkusMainLauncher launcher = new CommandRuns();

    @TempDir
    Path temp;

    private LaunchResult run(Path snapshotFile, String... args) {
        return Launches.launch(launcher, List.of("--snapshot", snapshotFile.toString(), "--port",
                String.valueOf(mock.port())), args);
    }

    @Test
    void aSnapshotPathThatNamesADirectoryIsAUsageErrorThatFetchesAndWritesNothing()
            throws IOException {
        int requests = mock.cluster().requestCount();
        for (Path directory : List.of(temp, temp.resolve("."), Path.of("/"), temp.resolve("gone").resolve(".."),
                Path.of("."), Path.of(".."))) {
            for (String[] args : List.of(new String[] { "--unhealthyservices" }, new String[] { "--history" })) {
                LaunchResult result = run(directory, args);

                assertThat(result.exitCode()).as(directory + " " + args[0]).isEqualTo(3);
                assertThat(result.getErrorStream()).as(directory + " " + args[0]).containsExactly(
                        "monitor: --snapshot " + directory + " names a directory; name the file to keep the snapshot in",
                        "Try 'monitor --help' for more information.");
                assertThat(result.getOutput()).isEmpty();
            }
        }

        // A trailing slash names a directory even when there is none yet: no file called "later" is made.
        LaunchResult slash = Launches.launch(launcher, List.of("--snapshot", temp + "/later/", "--port",
                String.valueOf(mock.port())));
        assertThat(slash.exitCode()).isEqualTo(3);
        assertThat(slash.getErrorStream()).first().isEqualTo("monitor: --snapshot " + temp
                + "/later/ names a directory; name the file to keep the snapshot in");

        assertThat(mock.cluster().requestCount()).as("nothing fetched").isEqualTo(requests);
        try (var files = Files.list(temp)) {
            assertThat(files).as("nothing written in it").isEmpty();
        }
        assertThat(temp.resolveSibling(temp.getFileName() + ".history.json")).as("nor beside it").doesNotExist();
        assertThat(Path.of("..history.json")).as("nor in the working directory").doesNotExist();
    }

    @Test
    void aSnapshotPathThatIsAFifoIsAUsageErrorWithinSecondsThatOpensNothing()
            throws Exception {
        Path fifo = SpecialFiles.fifo(temp.resolve("cluster.json"));
        Path link = Files.createSymbolicLink(temp.resolve("link.json"), fifo.getFileName());
        int requests = mock.cluster().requestCount();

        for (Path snapshot : List.of(fifo, link)) {
            // Opened, the FIFO would wait for a writer for ever: the run must end without one.
            LaunchResult result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run(snapshot));

            assertThat(result.exitCode()).as(snapshot.toString()).isEqualTo(3);
            assertThat(result.getErrorStream()).as(snapshot.toString()).containsExactly(
                    "monitor: --snapshot " + snapshot + " names a FIFO; name the file to keep the snapshot in",
                    "Try 'monitor --help' for more information.");
            assertThat(result.getOutput()).isEmpty();
        }
        assertThat(mock.cluster().requestCount()).as("nothing fetched").isEqualTo(requests);
        assertThat(SpecialFiles.type(fifo)).isEqualTo("fifo");
        assertThat(SpecialFiles.type(link)).isEqualTo("symbolic link");
        assertThat(temp.resolve("cluster.history.json")).as("no history beside it").doesNotExist();
    }

    @Test
    void aSnapshotPathThatIsACharacterDeviceIsAUsageErrorAndTheDeviceStays()
            throws Exception {
        Path device = SpecialFiles.nullDevice(temp.resolve("null"));

        LaunchResult result = run(device, "--refresh");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorStream()).first().isEqualTo("monitor: --snapshot " + device
                + " names a character device; name the file to keep the snapshot in");
        assertThat(SpecialFiles.type(device)).as("not renamed over").isEqualTo("character device");
        try (var files = Files.list(temp)) {
            assertThat(files).as("no history, no temporary file beside it").containsExactly(device);
        }
    }

    @Test
    void aHistoryThatIsAFifoIsSaidAndLeftAsItIsAndNeverWaitedOn() throws Exception {
        Path snapshot = temp.resolve("cluster.json");
        Path history = SpecialFiles.fifo(temp.resolve("cluster.history.json"));

        LaunchResult fetched = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> run(snapshot, "--refresh", "--for", "2"));
        LaunchResult shown = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> run(snapshot, "--history"));

        assertThat(fetched.exitCode()).as("the report is still made").isZero();
        assertThat(fetched.getOutput()).contains("All services healthy");
        assertThat(fetched.getErrorStream()).containsExactly(
                "monitor: warning: the verdict history " + history
                        + " is unreadable (a FIFO, not a file); going on without it",
                "monitor: warning: could not save the verdict history to " + history
                        + ": it is a FIFO, not a file, so it is left as it is",
                "monitor: warning: --for 2 needs the verdict history; this run is judged as with --for 1");
        assertThat(shown.exitCode()).isEqualTo(3);
        assertThat(shown.getErrorStream()).containsExactly(
                "monitor: the verdict history " + history + " is unreadable (a FIFO, not a file)");
        assertThat(SpecialFiles.type(history)).isEqualTo("fifo");
    }

    @Test
    void aSnapshotPathMistypedOntoTheUsersOwnFilesLeavesThemAsTheyWere()
            throws IOException {
        Path notes = Files.writeString(temp.resolve("notes.txt"), "keep me\n");
        Path beside = Files.writeString(temp.resolve("notes.txt.history.json"), "{\"mine\": true}\n");

        LaunchResult result = run(notes, "--for", "2");

        assertThat(result.exitCode()).as("the report is still made").isZero();
        assertThat(result.getOutput()).contains("All services healthy");
        assertThat(result.getErrorStream()).contains(
                "monitor: warning: could not save the snapshot to " + notes
                        + ": it holds something other than a monitor snapshot, so it is left as it is",
                "monitor: warning: could not save the verdict history to " + beside
                        + ": it holds something other than a monitor history, so it is left as it is");
        assertThat(Files.readString(notes)).isEqualTo("keep me\n");
        assertThat(Files.readString(beside)).isEqualTo("{\"mine\": true}\n");
    }

    @Test
    void aVerdictTheHistoryCannotHoldIsSaidInItsOwnTermsAndTheFileIsKept()
            throws IOException {
        Path snapshot = temp.resolve("cluster.json");
        Path history = temp.resolve("cluster.history.json");
        assertThat(run(snapshot, "--refresh").exitCode()).isZero();
        Files.writeString(history, Files.readString(history).replace("\"verdict\":\"OK\"", "\"verdict\":\"FINE\""));
        byte[] edited = Files.readAllBytes(history);

        LaunchResult result = run(snapshot, "--history");

        assertThat(result.exitCode()).as("no history to show").isEqualTo(3);
        assertThat(result.getErrorStream()).as("said once, as the run's error").containsExactly(
                "monitor: the verdict history " + history
                        + " is unreadable (verdict of fetch 1 is \"FINE\", not OK, WARNING, CRITICAL, UNKNOWN)");
        assertThat(Files.readAllBytes(history)).as("a run that fetches nothing writes nothing").isEqualTo(edited);
    }

    @Test
    void aServiceStateTheHistoryCannotHoldNamesTheServiceAndARunFromTheSnapshotKeepsTheFile(
            ) throws IOException {
        Path snapshot = temp.resolve("cluster.json");
        Path history = temp.resolve("cluster.history.json");
        assertThat(run(snapshot, "--refresh").exitCode()).isZero();
        Matcher first = Pattern.compile("\"services\":\\{\"([^\"]+)\":\\{\"state\":\"OK\"")
                .matcher(Files.readString(history));
        assertThat(first.find()).isTrue();
        Files.writeString(history, Files.readString(history).replaceFirst("\"state\":\"OK\"", "\"state\":\"MEH\""));
        byte[] edited = Files.readAllBytes(history);

        LaunchResult result = run(snapshot, "--for", "3", "--max-age", "1h");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getErrorStream()).containsExactly("monitor: warning: the verdict history " + history
                + " is unreadable (state of " + first.group(1) + " in fetch 1 is \"MEH\", not OK, WARNING, CRITICAL, "
                + "UNKNOWN); going on without it",
                "monitor: warning: --for 3 needs the verdict history; this run is judged as with --for 1");
        assertThat(Files.readAllBytes(history)).isEqualTo(edited);
    }

    @Test
    void aFigureTheSnapshotCannotHoldNamesTheFieldAndTheServer() throws IOException {
        Path snapshot = temp.resolve("cluster.json");
        assertThat(run(snapshot, "--refresh").exitCode()).isZero();
        Matcher first = Pattern.compile("\"ip\":\"([0-9.]+)\",\"service\":\"[^\"]*\",\"cpu\":\\d+")
                .matcher(Files.readString(snapshot));
        assertThat(first.find()).isTrue();
        Files.writeString(snapshot, Files.readString(snapshot).replaceFirst("\"cpu\":\\d+", "\"cpu\":\"x\""));

        LaunchResult result = run(snapshot, "--max-age", "1h");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getErrorStream()).containsExactly("monitor: warning: the snapshot " + snapshot
                + " is unreadable (cpu of " + first.group(1) + " is \"x\", not a whole number); fetching afresh");
        assertThat(Files.readString(snapshot)).as("replaced by the fresh fetch").doesNotContain("\"x\"");
    }

    @Test
    void filesThatCannotBeKeptAreSaidInOneLineEachAndTheReportIsStillMade()
            throws IOException {
        Path regular = Files.writeString(temp.resolve("notes.txt"), "keep me");
        Path file = regular.resolve("cluster.json");

        LaunchResult result = run(file, "--verbose");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("All services healthy");
        List<String> warnings = result.getErrorStream().stream().filter(line -> line.startsWith("monitor: warning: "))
                .toList();
        assertThat(warnings).containsExactly(
                "monitor: warning: the snapshot " + file + " is unreadable (" + regular + " is not a directory); "
                        + "fetching afresh",
                "monitor: warning: could not save the snapshot to " + file + ": " + regular + " is not a directory",
                "monitor: warning: the verdict history " + regular.resolve("cluster.history.json") + " is unreadable ("
                        + regular + " is not a directory); going on without it",
                "monitor: warning: could not save the verdict history to " + regular.resolve("cluster.history.json")
                        + ": " + regular + " is not a directory");
        assertThat(result.getErrorStream()).as("--verbose adds what Java said, for a bug report")
                .anyMatch(line -> line.startsWith("monitor: (java.nio.file.FileAlreadyExistsException: "));
        assertThat(Files.readString(regular)).isEqualTo("keep me");
    }

    @Test
    void withoutVerboseNoJavaTextReachesTheUser() throws IOException {
        Path regular = Files.writeString(temp.resolve("notes.txt"), "keep me");

        LaunchResult result = run(regular.resolve("cluster.json"));

        assertThat(result.getErrorOutput()).doesNotContain("java.").doesNotContain("Exception")
                .doesNotContain(".tmp");
    }
}
