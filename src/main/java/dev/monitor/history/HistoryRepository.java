package dev.monitor.history;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.monitor.files.OwnFile;

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
        Optional<VerdictHistory> read = OwnFile.read(file, codec::read, UnreadableHistoryException::new);
        if (read.isEmpty()) {
            return VerdictHistory.empty(endpoint);
        }
        VerdictHistory history = read.get();
        if (!history.endpoint().equals(endpoint)) {
            throw new UnreadableHistoryException("it is of " + history.endpoint() + ", not " + endpoint);
        }
        return history;
    }

    /**
     * Moves an unreadable history out of the way of the next write, to {@code <name>.unreadable} beside it (an
     * older one there is replaced), so that the fetches it still holds are not lost to a fresh start. A file
     * monitor did not write stays where it is: it is never replaced either.
     *
     * @return where it went; empty when there was no file of monitor's to move
     */
    public Optional<Path> setAside(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || codec.isForeign(file)) {
            return Optional.empty();
        }
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return Optional.of(aside);
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
