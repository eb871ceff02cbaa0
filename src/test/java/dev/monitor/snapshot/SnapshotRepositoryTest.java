package dev.monitor.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotRepositoryTest {

    private static final URI ENDPOINT = URI.create("http://localhost:8080");
    private static final Instant FETCHED = Instant.parse("2026-11-26T08:00:00Z");

    @TempDir
    Path cache;

    private SnapshotRepository repository() {
        return new SnapshotRepository(Optional.of(cache));
    }

    private static Snapshot snapshot(URI endpoint) {
        return new Snapshot(endpoint, FETCHED, List.of(
                new Server.Measured("10.58.1.1", "AuthService", 61, 4),
                new Server.Unknown("10.58.1.2", "GeoService", "HTTP 500"),
                new Server.Unknown("10.58.1.3", null, "connection reset")));
    }

    @Test
    void writtenSnapshotReadsBackEqual() throws IOException {
        SnapshotRepository repository = repository();
        Path file = repository.fileFor(ENDPOINT);

        repository.write(file, snapshot(ENDPOINT));

        assertThat(repository.read(file)).contains(snapshot(ENDPOINT));
    }

    @Test
    void eachEndpointHasItsOwnFileUnderTheCacheDirectory() {
        SnapshotRepository repository = repository();
        Path a = repository.fileFor(URI.create("http://localhost:8080"));
        Path b = repository.fileFor(URI.create("http://localhost:8081"));
        Path c = repository.fileFor(URI.create("https://localhost:8080"));

        assertThat(List.of(a, b, c)).doesNotHaveDuplicates().allMatch(p -> p.getParent().equals(cache));
        assertThat(a).isEqualTo(repository.fileFor(URI.create("http://localhost:8080")));
        assertThat(a.getFileName().toString()).startsWith("localhost_8080-").endsWith(".json");
    }

    @Test
    void ageIsCountedFromTheFetchTime() {
        Snapshot snapshot = snapshot(ENDPOINT);

        assertThat(snapshot.ageAt(FETCHED.plusSeconds(90))).isEqualTo(Duration.ofSeconds(90));
        assertThat(snapshot.ageAt(FETCHED.minusSeconds(5))).as("a clock set back is no negative age")
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void missingFileIsNoSnapshot() {
        assertThat(repository().read(cache.resolve("absent.json"))).isEmpty();
    }

    @Test
    void corruptTruncatedForeignOrNewerFilesAreUnreadable() throws IOException {
        SnapshotRepository repository = repository();
        Path file = repository.fileFor(ENDPOINT);
        repository.write(file, snapshot(ENDPOINT));
        String good = Files.readString(file);

        for (String bad : List.of(
                good.substring(0, good.length() / 2),
                "not json at all",
                "{\"servers\": []}",
                good.replace("\"version\":1", "\"version\":99"),
                good.replace("\"cpu\":61", "\"cpu\":610"),
                "[1, 2, 3]")) {
            Files.writeString(file, bad, StandardCharsets.UTF_8);
            assertThatThrownBy(() -> repository.read(file)).as(bad).isInstanceOf(UnreadableSnapshotException.class);
        }
    }

    @Test
    void writeReplacesTheFileAtomicallyAndPrivately() throws IOException {
        SnapshotRepository repository = repository();
        Path file = repository.fileFor(ENDPOINT);
        repository.write(file, snapshot(ENDPOINT));
        Snapshot newer = new Snapshot(ENDPOINT, FETCHED.plusSeconds(60), List.of());

        repository.write(file, newer);

        assertThat(repository.read(file)).contains(newer);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var left = Files.list(cache)) {
            assertThat(left.toList()).as("no temporary file is left behind").containsExactly(file);
        }
    }
}
