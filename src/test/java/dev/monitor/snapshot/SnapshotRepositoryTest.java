package dev.monitor.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.files.ForeignFileException;

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
                new Server.Unknown("10.58.1.3", null, "connection reset")), 37, Duration.ofMillis(1840),
                new Shard(2, 3));
    }

    @Test
    void writtenSnapshotReadsBackEqual() throws IOException {
        SnapshotRepository repository = repository();
        Path file = repository.fileFor(ENDPOINT);

        repository.write(file, snapshot(ENDPOINT));

        assertThat(repository.read(file)).contains(snapshot(ENDPOINT));
    }

    @Test
    void eachShardOfAnEndpointKeepsItsOwnDefaultFileAndTheNewestFindsIt() throws IOException {
        SnapshotRepository repository = repository();
        Path whole = repository.fileFor(ENDPOINT);
        List<Path> shards = List.of(repository.fileFor(ENDPOINT, new Shard(1, 3)),
                repository.fileFor(ENDPOINT, new Shard(2, 3)), repository.fileFor(ENDPOINT, new Shard(1, 2)));

        assertThat(repository.fileFor(ENDPOINT, Shard.WHOLE)).isEqualTo(whole);
        assertThat(shards).doesNotHaveDuplicates().doesNotContain(whole)
                .allSatisfy(file -> assertThat(file.getParent()).isEqualTo(cache));
        assertThat(shards.get(1).getFileName().toString()).startsWith("localhost_8080_shard2of3-");
        Files.writeString(whole, "older");
        Files.setLastModifiedTime(whole, FileTime.from(FETCHED));
        repository.write(shards.get(1), snapshot(ENDPOINT));
        assertThat(repository.newest()).contains(shards.get(1));
    }

    @Test
    void aSnapshotWrittenBeforeShardsIsOfTheWholeClusterItsFetchTimeUnknown() throws IOException {
        SnapshotRepository repository = repository();
        Path file = repository.fileFor(ENDPOINT);
        String current = written(repository, file);
        Files.writeString(file, current.replace(",\"fetchMillis\":1840", "").replace(",\"shard\":\"2/3\"", ""));

        Snapshot old = repository.read(file).orElseThrow();

        assertThat(old.shard()).isEqualTo(Shard.WHOLE);
        assertThat(old.fetchDuration()).isNull();
        assertThat(old.servers()).isEqualTo(snapshot(ENDPOINT).servers());
    }

    @Test
    void aFileOfSomeoneElsesIsNeverReplaced() throws IOException {
        SnapshotRepository repository = repository();
        for (String content : List.of("keep me\n", "{\"name\": \"not ours\"}", "[1, 2]",
                "{\"format\":\"monitor-history\",\"version\":1}")) {
            Path file = Files.writeString(cache.resolve("notes.txt"), content);

            assertThatThrownBy(() -> repository.write(file, snapshot(ENDPOINT)))
                    .isInstanceOf(ForeignFileException.class)
                    .hasMessage("it holds something other than a monitor snapshot, so it is left as it is");
            assertThat(Files.readString(file)).as(content).isEqualTo(content);
        }
    }

    @Test
    void anEmptyFileOrABrokenSnapshotIsReplaced() throws IOException {
        SnapshotRepository repository = repository();
        for (String content : List.of("", "  \n", "{\"format\":\"monitor-snapshot\",\"version\":1,\"servers\":[{")) {
            Path file = Files.writeString(cache.resolve("cluster.json"), content);

            repository.write(file, snapshot(ENDPOINT));

            assertThat(repository.read(file)).as(content).contains(snapshot(ENDPOINT));
        }
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
    void corruptForeignOrNewerFilesAreUnreadableSaidInTheFilesOwnTerms() throws IOException {
        SnapshotRepository repository = repository();
        Path file = repository.fileFor(ENDPOINT);
        String good = written(repository, file);
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("", "empty");
        reasons.put("[1, 2, 3]", "not a JSON object");
        reasons.put("{\"servers\": []}", "not a monitor snapshot");
        reasons.put(good.replace("\"version\":1", "\"version\":99"), "written by a newer monitor (format version 99)");
        reasons.put(good.replace("\"version\":1", "\"version\":\"1\""), "version is \"1\", not a whole number");
        reasons.put(good.replace("\"cpu\":61", "\"cpu\":\"x\""), "cpu of 10.58.1.1 is \"x\", not a whole number");
        reasons.put(good.replace("\"cpu\":61", "\"cpu\":61.5"), "cpu of 10.58.1.1 is 61.5, not a whole number");
        reasons.put(good.replace("\"cpu\":61", "\"cpu\":99999999999"),
                "cpu of 10.58.1.1 is 99999999999, not a whole number");
        reasons.put(good.replace("\"ip\":\"10.58.1.1\",\"service\":\"AuthService\"",
                "\"service\":\"AuthService\",\"memory\":{},\"ip\":\"10.58.1.1\""),
                "memory of server 1 is an object, not a whole number");
        reasons.put(good.replace("\"service\":\"AuthService\"", "\"service\":7"),
                "service of 10.58.1.1 is 7, not text");
        reasons.put(good.replace("\"cpu\":61", "\"cpu\":610"), "figures out of range for 10.58.1.1");
        reasons.put(good.replace("\"service\":\"AuthService\"", "\"service\":\" \""), "service of 10.58.1.1 is blank");
        reasons.put(good.replace("\"service\":\"AuthService\"", "\"service\":null"),
                "service of 10.58.1.1 is missing");
        reasons.put(good.replace("\"peakConcurrency\":37", "\"peakConcurrency\":\"37\""),
                "peakConcurrency is \"37\", not a whole number");
        reasons.put(good.replace("\"peakConcurrency\":37", "\"peakConcurrency\":-37"), "peakConcurrency is negative");
        reasons.put(good.replace("\"fetchMillis\":1840", "\"fetchMillis\":1.8"), "fetchMillis is 1.8, not a whole number");
        reasons.put(good.replace("\"fetchMillis\":1840", "\"fetchMillis\":-1840"), "fetchMillis is negative");
        reasons.put(good.replace("\"shard\":\"2/3\"", "\"shard\":\"4/3\""), "shard is not K/N with K from 1 to N");
        reasons.put(good.replace("\"shard\":\"2/3\"", "\"shard\":\"2\""), "shard is not K/N with K from 1 to N");
        reasons.put(good.replace("\"shard\":\"2/3\"", "\"shard\":2"), "shard is 2, not text");
        reasons.put(good.replace("2026-11-26T08:00:00Z", "yesterday"),
                "fetchedAt is \"yesterday\", not a time like 2026-11-26T08:00:00Z");
        reasons.put(good.replace("http://localhost:8080", "http://local host"),
                "endpoint is \"http://local host\", not a URL");
        reasons.put(good.replace("\"ip\":\"10.58.1.1\"", "\"ip\":\"\\u001b[2J\",\"cpu\":\"x\""),
                "cpu of \\x1b[2J is \"x\", not a whole number");
        reasons.put("{\"format\":\"monitor-snapshot\",\"version\":1,\"endpoint\":\"" + "x".repeat(100) + " \"}",
                "endpoint is \"" + "x".repeat(40) + "…\", not a URL");

        for (Map.Entry<String, String> bad : reasons.entrySet()) {
            Files.writeString(file, bad.getKey(), StandardCharsets.UTF_8);
            assertThatThrownBy(() -> repository.read(file)).as(bad.getKey())
                    .isInstanceOf(UnreadableSnapshotException.class).hasMessage(bad.getValue());
        }
    }

    @Test
    void truncatedOrBrokenJsonIsSaidWithWhereItBreaks() throws IOException {
        SnapshotRepository repository = repository();
        Path file = repository.fileFor(ENDPOINT);
        String good = written(repository, file);

        Files.writeString(file, good.substring(0, good.indexOf("\"servers\"") + 12));
        assertThatThrownBy(() -> repository.read(file)).isInstanceOf(UnreadableSnapshotException.class)
                .hasMessageMatching("cut short at line 1, column \\d+")
                .hasCauseInstanceOf(com.fasterxml.jackson.core.io.JsonEOFException.class);
        Files.writeString(file, "{\"format\":\"monitor-snapshot\",\n\"version\":1,\n oops}");
        assertThatThrownBy(() -> repository.read(file)).isInstanceOf(UnreadableSnapshotException.class)
                .hasMessage("not valid JSON at line 3, column 2");
        Files.writeString(file, "not json at all");
        assertThatThrownBy(() -> repository.read(file)).isInstanceOf(UnreadableSnapshotException.class)
                .hasMessage("not valid JSON at line 1, column 1");
    }

    /** The snapshot written to the file, as text to spoil. */
    @Test
    void namesWithHiddenCharactersInAnEditedFileAreReadAsMonitorShowsThem() throws IOException {
        SnapshotRepository repository = repository();
        Path file = repository.fileFor(ENDPOINT);
        // As an older monitor, or someone's editor, may have left them: raw, in JSON's own escapes.
        Files.writeString(file, written(repository, file)
                .replace("\"10.58.1.2\"", "\"10.58.1.2\\u200b\"")
                .replace("\"AuthService\"", "\"\\u202eAuthService\"")
                .replace("\"HTTP 500\"", "\"HTTP 500\\u001b[2J\""));

        List<Server> servers = repository.read(file).orElseThrow().servers();

        assertThat(servers).extracting(Server::ip).contains("10.58.1.2\\u200b");
        assertThat(servers).extracting(Server::service).contains("\\u202eAuthService");
        assertThat(servers).filteredOn(Server.Unknown.class::isInstance).extracting(s -> ((Server.Unknown) s).reason())
                .contains("HTTP 500\\x1b[2J");
    }

    private static String written(SnapshotRepository repository, Path file) throws IOException {
        repository.write(file, snapshot(ENDPOINT));
        return Files.readString(file);
    }

    @Test
    void aDirectoryAtThePathIsUnreadableAsADirectory() throws IOException {
        Path directory = Files.createDirectory(cache.resolve("snapshot.json"));

        assertThatThrownBy(() -> repository().read(directory)).isInstanceOf(UnreadableSnapshotException.class)
                .hasMessage("a directory, not a file");
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
