package dev.monitor.history;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

import dev.monitor.files.FileFailures;

/**
 * Owns the history files: one per endpoint, beside that endpoint's snapshot, so that it outlives the snapshot
 * being replaced or deleted and a run against port 8081 never counts 8080's fetches.
 */
@ApplicationScoped
public class HistoryRepository {

    private static final String SUFFIX = ".history.json";

    private final HistoryCodec codec = new HistoryCodec();

    /** The snapshot's name with {@code .history.json} for its {@code .json}: {@code localhost_8080-1a2b.history.json}. */
    public Path fileBeside(Path snapshotFile) {
        String name = snapshotFile.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return snapshotFile.resolveSibling(base + SUFFIX);
    }

    /**
     * The endpoint's history in the file: empty when there is none yet.
     *
     * @throws UnreadableHistoryException when the file exists but cannot be used, or holds another endpoint's
     */
    public VerdictHistory read(Path file, URI endpoint) {
        VerdictHistory history;
        // A symbolic link planted at the path is not followed: its target could be any file of the user's.
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            history = codec.read(in);
        } catch (NoSuchFileException e) {
            return VerdictHistory.empty(endpoint);
        } catch (IOException e) {
            throw new UnreadableHistoryException(FileFailures.unreadable(file, e), e);
        }
        if (!history.endpoint().equals(endpoint)) {
            throw new UnreadableHistoryException("it is of " + history.endpoint() + ", not " + endpoint);
        }
        return history;
    }

    /**
     * Replaces the file whole (private temporary file, flushed, renamed), so a reader or a crash sees the old
     * history or the new one. Two runs at once each write a whole history; the last renamed wins, losing the
     * other's fetch, as a run that never happened.
     */
    public void write(Path file, VerdictHistory history) throws IOException {
        codec.replace(file, history);
    }
}
