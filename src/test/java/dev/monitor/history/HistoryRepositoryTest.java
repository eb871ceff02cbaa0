package dev.monitor.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
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
    void everyKindOfBadFileIsUnreadableNeverAnotherException() throws IOException {
        Path file = temp.resolve("h.history.json");
        for (String content : List.of("", "not json", "[]", "{\"format\":\"monitor-snapshot\"}",
                "{\"format\":\"monitor-history\",\"version\":1,\"endpoint\":\"http://localhost:8080\"}",
                "{\"format\":\"monitor-history\",\"version\":2,\"endpoint\":\"http://localhost:8080\",\"fetches\":[]}",
                "{\"format\":\"monitor-history\",\"version\":1,\"endpoint\":\"http://localhost:8080\",\"fetches\":"
                        + "[{\"at\":\"yesterday\",\"verdict\":\"OK\",\"services\":{}}]}",
                "{\"format\":\"monitor-history\",\"version\":1,\"endpoint\":\"http://localhost:8080\",\"fetches\":"
                        + "[{\"at\":\"2026-11-26T08:00:00Z\",\"verdict\":\"FINE\",\"services\":{}}]}",
                "{\"format\":\"monitor-history\",\"version\":1,\"endpoint\":\"http://localhost:8080\",\"fetches\":"
                        + "[{\"at\":\"2026-11-26T08:00:00Z\",\"verdict\":\"OK\",\"services\":{\"A\":"
                        + "{\"state\":\"OK\",\"healthy\":3,\"servers\":2}}}]}",
                "{\"format\":\"monitor-history\",\"version\":1,\"endpoint\":\"http://localhost:8080\",\"fetches\":[]} x")) {
            Files.writeString(file, content);
            assertThatThrownBy(() -> repository.read(file, ENDPOINT)).as(content)
                    .isInstanceOf(UnreadableHistoryException.class);
        }
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
