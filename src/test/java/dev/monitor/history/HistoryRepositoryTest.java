package dev.monitor.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.monitor.analysis.Verdict;
import dev.monitor.history.PastFetch.ServiceState;

/** The history file in a real temporary folder: its name, its round trip, and every way it can be unusable. */
class HistoryRepositoryTest {

    private static final URI ENDPOINT = URI.create("http://localhost:8080");

    private final HistoryRepository repository = new HistoryRepository();

    @TempDir
    Path temp;

    private static VerdictHistory history() {
        return VerdictHistory.empty(ENDPOINT)
                .with(new PastFetch(Instant.parse("2026-11-26T08:00:00.123456789Z"), Verdict.WARNING,
                        Map.of("Auth", new ServiceState(Verdict.CRITICAL, 1, 3),
                                "Geo \"quoted\"", new ServiceState(Verdict.OK, 2, 2))))
                .with(new PastFetch(Instant.parse("2026-11-26T08:01:00Z"), Verdict.OK, Map.of()));
    }

    @Test
    void theFileSitsBesideTheSnapshotWithItsOwnName() {
        assertThat(repository.fileBeside(temp.resolve("localhost_8080-1a2b3c.json")))
                .isEqualTo(temp.resolve("localhost_8080-1a2b3c.history.json"));
        assertThat(repository.fileBeside(temp.resolve("snapshot"))).isEqualTo(temp.resolve("snapshot.history.json"));
    }

    @Test
    void whatIsWrittenIsReadBackWholeAndPrivate() throws IOException {
        Path file = temp.resolve("h.history.json");

        repository.write(file, history());

        assertThat(repository.read(file, ENDPOINT)).isEqualTo(history());
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void noFileIsAnEmptyHistory() {
        assertThat(repository.read(temp.resolve("none.history.json"), ENDPOINT).isEmpty()).isTrue();
    }

    @Test
    void anotherEndpointsHistoryIsNotUsed() throws IOException {
        Path file = temp.resolve("h.history.json");
        repository.write(file, history());

        assertThatThrownBy(() -> repository.read(file, URI.create("http://localhost:8081")))
                .isInstanceOf(UnreadableHistoryException.class).hasMessageContaining("of http://localhost:8080");
    }

    @Test
    void everyKindOfBadFileIsUnreadableSaidInTheFilesOwnTerms() throws IOException {
        Path file = temp.resolve("h.history.json");
        String head = "{\"format\":\"monitor-history\",\"version\":1,\"endpoint\":\"http://localhost:8080\"";
        String fetch = "{\"at\":\"2026-11-26T08:00:00Z\",\"verdict\":\"OK\",\"services\":{\"A\":"
                + "{\"state\":\"OK\",\"healthy\":2,\"servers\":3}}}";
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("", "empty");
        reasons.put("not json", "not valid JSON at line 1, column 1");
        reasons.put("[]", "not a JSON object");
        reasons.put("{\"format\":\"monitor-snapshot\"}", "not a monitor history");
        reasons.put(head + "}", "incomplete");
        reasons.put(head.replace("\"version\":1", "\"version\":2") + ",\"fetches\":[]}",
                "written by a newer monitor (format version 2)");
        reasons.put(head + ",\"fetches\":[" + fetch + "," + fetch.replace("2026-11-26T08:00:00Z", "yesterday") + "]}",
                "at of fetch 2 is \"yesterday\", not a time like 2026-11-26T08:00:00Z");
        reasons.put(head + ",\"fetches\":[" + fetch.replace("\"verdict\":\"OK\"", "\"verdict\":\"FINE\"") + "]}",
                "verdict of fetch 1 is \"FINE\", not OK, WARNING, CRITICAL, UNKNOWN");
        reasons.put(head + ",\"fetches\":[" + fetch.replace("\"state\":\"OK\"", "\"state\":\"MEH\"") + "]}",
                "state of A in fetch 1 is \"MEH\", not OK, WARNING, CRITICAL, UNKNOWN");
        reasons.put(head + ",\"fetches\":[" + fetch.replace("\"healthy\":2", "\"healthy\":\"two\"") + "]}",
                "healthy of A in fetch 1 is \"two\", not a whole number");
        reasons.put(head + ",\"fetches\":[" + fetch.replace("\"healthy\":2", "\"healthy\":4") + "]}",
                "service A of fetch 1 is incomplete");
        reasons.put(head + ",\"fetches\":[" + fetch.replace("{\"A\":", "{\"\":") + "]}",
                "a service of fetch 1 has a blank name");
        String whole = head + ",\"fetches\":[" + fetch + "]}";
        reasons.put(whole + " x", "not valid JSON at line 1, column " + (whole.length() + 2));
        String cut = head + ",\"fetches\":[" + fetch;
        reasons.put(cut, "cut short at line 1, column " + (cut.length() + 1));

        for (Map.Entry<String, String> bad : reasons.entrySet()) {
            Files.writeString(file, bad.getKey());
            assertThatThrownBy(() -> repository.read(file, ENDPOINT)).as(bad.getKey())
                    .isInstanceOf(UnreadableHistoryException.class).hasMessage(bad.getValue());
        }
    }

    @Test
    void aServiceNameWithHiddenCharactersInAnEditedFileIsReadAsMonitorShowsIt() throws IOException {
        Path file = temp.resolve("h.history.json");
        Files.writeString(file, "{\"format\":\"monitor-history\",\"version\":1,\"endpoint\":\"http://localhost:8080\","
                + "\"fetches\":[{\"at\":\"2026-11-26T08:00:00Z\",\"verdict\":\"OK\",\"services\":{"
                + "\"\\u202eAuth\\u200bService\":{\"state\":\"OK\",\"healthy\":2,\"servers\":3}}}]}");

        assertThat(repository.read(file, ENDPOINT).services()).containsExactly("\\u202eAuth\\u200bService");
    }

    @Test
    void aDirectoryAtThePathIsUnreadableAsADirectory() throws IOException {
        Path directory = Files.createDirectory(temp.resolve("h.history.json"));

        assertThatThrownBy(() -> repository.read(directory, ENDPOINT)).isInstanceOf(UnreadableHistoryException.class)
                .hasMessage("a directory, not a file");
    }

    @Test
    void aSymbolicLinkIsNeitherReadNorWrittenThrough() throws IOException {
        Path target = temp.resolve("precious.txt");
        Files.writeString(target, "keep me");
        Path file = temp.resolve("h.history.json");
        Files.createSymbolicLink(file, target);

        assertThatThrownBy(() -> repository.read(file, ENDPOINT)).isInstanceOf(UnreadableHistoryException.class)
                .hasMessageContaining("symbolic link");
        repository.write(file, history());

        assertThat(Files.readString(target)).isEqualTo("keep me");
        assertThat(Files.isSymbolicLink(file)).isFalse();
        assertThat(repository.read(file, ENDPOINT)).isEqualTo(history());
    }
}
