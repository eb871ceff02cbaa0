package dev.monitor.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.snapshot.Snapshot;
import dev.monitor.snapshot.SnapshotRepository;

/**
 * Real writes and reads that fail in a temporary folder, and the few words each is said in: about the file the
 * user named and its directory, never the temporary file beside it or the JDK's exception.
 */
class FileFailuresTest {

    @TempDir
    Path temp;

    /** What {@link AtomicFile#replace} throws for that file, said as the user reads it. */
    private static String unwritable(Path file) {
        IOException failure = catchThrowableOfType(IOException.class,
                () -> AtomicFile.replace(file, "rw-------", out -> out.write('x')));
        assertThat(failure).as("the write fails").isNotNull();
        return FileFailures.unwritable(file, failure);
    }

    @Test
    void aFileUnderARegularFileNamesThatFile() throws IOException {
        Path regular = Files.writeString(temp.resolve("notes.txt"), "keep me");

        assertThat(unwritable(regular.resolve("s.json"))).isEqualTo(regular + " is not a directory");
        assertThat(unwritable(regular.resolve("deeper").resolve("s.json"))).isEqualTo(regular + " is not a directory");
        assertThat(Files.readString(regular)).isEqualTo("keep me");
    }

    @Test
    void aFileUnderAMissingDirectoryNamesTheDirectory() {
        Path directory = temp.resolve("missing").resolve("deeper");

        assertThat(unwritable(directory.resolve("s.json"))).isEqualTo("no directory " + directory);
        assertThat(temp.resolve("missing")).doesNotExist();
    }

    @Test
    void aDirectoryAtThePathIsADirectoryNotAFileAndIsLeftAlone() throws IOException {
        Path directory = Files.createDirectory(temp.resolve("s.json"));
        Files.writeString(directory.resolve("inside.txt"), "keep me");

        assertThat(unwritable(directory)).isEqualTo("a directory, not a file");
        assertThat(Files.readString(directory.resolve("inside.txt"))).isEqualTo("keep me");
        try (var files = Files.list(temp)) {
            assertThat(files).as("no temporary file left behind").containsExactly(directory);
        }
    }

    @Test
    void aDirectoryThatMayNotBeWrittenIsPermissionDeniedForItsFileWhichIsKeptAndForADirectoryInIt() throws IOException {
        Path directory = Files.createDirectory(temp.resolve("locked"));
        Path file = Files.writeString(directory.resolve("s.json"), "old", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeFalse(Files.isWritable(directory), "running as root, which may write anywhere");

            assertThat(unwritable(file)).isEqualTo("permission denied");
            assertThat(Files.readString(file)).isEqualTo("old");
            Path cached = directory.resolve("cache").resolve("s.json");
            IOException creating = catchThrowableOfType(IOException.class,
                    () -> new SnapshotRepository(Optional.empty()).write(cached,
                            new Snapshot(URI.create("http://localhost:8080"), Instant.now(), List.of())));
            assertThat(FileFailures.unwritable(cached, creating))
                    .isEqualTo("cannot create the directory " + cached.getParent() + ": permission denied");
        } finally {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aReadUnderARegularFileNamesThatFile() throws IOException {
        Path regular = Files.writeString(temp.resolve("notes.txt"), "keep me");
        Path file = regular.resolve("s.json");
        IOException failure = catchThrowableOfType(IOException.class, () -> Files.readAllBytes(file));

        assertThat(FileFailures.unreadable(file, failure)).isEqualTo(regular + " is not a directory");
    }

    @Test
    void theSystemsOwnReasonIsKeptWithoutThePathsTheJdkAddsToIt() {
        Path file = temp.resolve("s.json");
        FileSystemException full = new FileSystemException(temp.resolve(".s.json123.tmp").toString(), null,
                "No space left on device");

        assertThat(FileFailures.unwritable(file, full)).isEqualTo("no space left on device");
    }
}
