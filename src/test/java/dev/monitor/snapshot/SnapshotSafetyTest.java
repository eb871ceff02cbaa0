package dev.monitor.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot file survives what happens to real files: races, crashes, and planted links. */
class SnapshotSafetyTest {

    private static final URI ENDPOINT = URI.create("http://localhost:8080");

    @TempDir
    Path temp;

    private final SnapshotRepository repository = new SnapshotRepository(Optional.empty());

    /** A snapshot of {@code size} servers whose every figure is {@code figure}: tells writers apart. */
    static Snapshot snapshot(int size, int figure) {
        return new Snapshot(ENDPOINT, Instant.parse("2026-11-26T08:00:00Z"), IntStream.range(0, size)
                .mapToObj(i -> (Server) new Server.Measured("10.58." + (i / 250) + "." + (i % 250), "AuthService",
                        figure, figure))
                .toList());
    }

    @Test
    void aSymbolicLinkPlantedAtTheSnapshotPathIsNeitherReadNorWrittenThrough() throws IOException {
        Path victim = Files.writeString(temp.resolve("victim.txt"), "precious");
        Path file = Files.createSymbolicLink(temp.resolve("snapshot.json"), victim);

        assertThatThrownBy(() -> repository.read(file)).isInstanceOf(UnreadableSnapshotException.class)
                .hasMessage("a symbolic link, not followed");
        repository.write(file, snapshot(3, 10));

        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(Files.isSymbolicLink(file)).isFalse();
        assertThat(repository.read(file)).contains(snapshot(3, 10));
    }

    @Test
    void theCacheDirectoryIsCreatedReadableOnlyByItsOwner() throws IOException {
        SnapshotRepository inCache = new SnapshotRepository(Optional.of(temp.resolve("cache").resolve("monitor")));
        Path file = inCache.fileFor(ENDPOINT);

        inCache.write(file, snapshot(3, 10));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aWriteInterruptedMidwayLeavesTheOldSnapshotWholeAndNoTemporaryFile() throws IOException {
        Path file = temp.resolve("snapshot.json");
        repository.write(file, snapshot(3, 10));

        // What Ctrl-C does to a run that is saving: its thread is interrupted inside the file write.
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> repository.write(file, snapshot(5000, 20)))
                    .isInstanceOf(ClosedByInterruptException.class);
        } finally {
            Thread.interrupted();
        }

        assertThat(repository.read(file)).contains(snapshot(3, 10));
        try (var files = Files.list(temp)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aWriterKilledInTheMiddleOfItsWriteLeavesTheOldSnapshotWhole(@TempDir Path logs) throws Exception {
        Path file = temp.resolve("snapshot.json");
        repository.write(file, snapshot(3, 10));

        // A run of tens of megabytes, SIGKILLed once its temporary file holds the first megabyte of it.
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LargeSnapshotWriter.class.getName(), file.toString(),
                "1000000").redirectErrorStream(true).redirectOutput(logs.resolve("writer.txt").toFile()).start();
        try {
            Awaitility.await("the writer's temporary file").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> temporaryFileSize() >= 1 << 20 || !writer.isAlive());
            assertThat(writer.isAlive()).as("still writing: " + Files.readString(logs.resolve("writer.txt"))).isTrue();
        } finally {
            writer.destroyForcibly();
        }
        assertThat(writer.waitFor(1, TimeUnit.MINUTES)).isTrue();

        assertThat(writer.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        assertThat(temporaryFileSize()).as("its half-written temporary file is left beside the snapshot").isPositive();
        assertThat(repository.read(file)).as("the old snapshot, whole").contains(snapshot(3, 10));
        repository.write(file, snapshot(4, 30));
        assertThat(repository.read(file)).contains(snapshot(4, 30));
    }

    /** The size of the temporary file a writer of snapshot.json has left in the folder, or 0 if there is none. */
    private long temporaryFileSize() throws IOException {
        try (var files = Files.list(temp)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(".snapshot.json") && name.endsWith(".tmp")) {
                    return Files.size(file);
                }
            }
        }
        return 0;
    }

    @Test
    void concurrentWritersAndReadersOnlyEverSeeWholeSnapshots() throws Exception {
        Path file = temp.resolve("snapshot.json");
        repository.write(file, snapshot(2000, 0));
        ExecutorService threads = Executors.newFixedThreadPool(6);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 1; writer <= 4; writer++) {
                int figure = writer;
                writers.add(threads.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        repository.write(file, snapshot(2000, figure));
                    }
                    return null;
                }));
            }
            List<Future<Integer>> readers = new ArrayList<>();
            for (int reader = 0; reader < 2; reader++) {
                readers.add(threads.submit(() -> {
                    int reads = 0;
                    while (writing.get()) {
                        Snapshot read = repository.read(file).orElseThrow();
                        int figure = ((Server.Measured) read.servers().getFirst()).cpu();
                        assertThat(read).isEqualTo(snapshot(2000, figure));
                        reads++;
                    }
                    return reads;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(1, TimeUnit.MINUTES)).isPositive();
            }
        } finally {
            writing.set(false);
            threads.shutdownNow();
        }
        assertThat(repository.read(file).orElseThrow().servers()).hasSize(2000);
        try (var files = Files.list(temp)) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
    }
}
