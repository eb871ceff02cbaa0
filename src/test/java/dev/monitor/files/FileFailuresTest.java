package dev.monitor.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.testing.RequiredTool;

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
    void permissionDeniedIsSaidForTheFileAndForADirectoryThatCouldNotBeCreated() throws IOException {
        Path directory = Files.createDirectory(temp.resolve("locked"));
        Path file = directory.resolve("s.json");
        Path cached = directory.resolve("cache").resolve("s.json");

        // What the JDK throws: the temporary file beside the file, or the directory it could not create.
        assertThat(FileFailures.unwritable(file, new AccessDeniedException(directory.resolve(".s.json42.tmp").toString())))
                .isEqualTo("permission denied");
        assertThat(FileFailures.unwritable(cached, new AccessDeniedException(cached.getParent().toString())))
                .isEqualTo("cannot create the directory " + cached.getParent() + ": permission denied");
    }

    /**
     * The real refusal, which root never meets: run as an unprivileged user (nobody, with {@code setpriv}) when the
     * tests run as root, else as this user, who may not write a directory of mode r-x either.
     */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aDirectoryThatMayNotBeWrittenIsPermissionDeniedForItsFileWhichIsKeptAndForADirectoryInIt() throws Exception {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path directory = Files.createDirectory(temp.resolve("locked"));
        Path file = Files.writeString(directory.resolve("s.json"), "old", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path cached = directory.resolve("cache").resolve("s.json");
        try {
            assertThat(writeAsAnUnprivilegedUser(file, cached)).containsExactly("permission denied",
                    "cannot create the directory " + cached.getParent() + ": permission denied");

            assertThat(Files.readString(file)).isEqualTo("old");
            try (var files = Files.list(directory)) {
                assertThat(files).as("no temporary file, no cache directory").containsExactly(file);
            }
        } finally {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** What {@link UnprivilegedWrites} prints, run with a class path of its own that any user may read. */
    private List<String> writeAsAnUnprivilegedUser(Path file, Path cached) throws Exception {
        Path classes = temp.resolve("classes");
        for (Class<?> type : List.of(AtomicFile.class, UnprivilegedWrites.class)) {
            Path root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            copyReadable(root, root.resolve("dev/monitor/files"), classes);
        }
        List<String> command = new ArrayList<>();
        if ((Integer) Files.getAttribute(temp, "unix:uid") == 0) {
            command.addAll(List.of(RequiredTool.find("setpriv", "util-linux").toString(), "--reuid=65534",
                    "--regid=65534", "--clear-groups"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-cp", classes.toString(), UnprivilegedWrites.class.getName(), file.toString(),
                cached.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    private static void copyReadable(Path root, Path folder, Path target) throws IOException {
        try (var files = Files.walk(folder)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(root.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
        for (Path parent = folder; !parent.equals(root); parent = parent.getParent()) {
            Files.setPosixFilePermissions(target.resolve(root.relativize(parent).toString()),
                    PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
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
