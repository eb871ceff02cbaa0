package dev.monitor.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dev.monitor.fetch.FetchSettings;
import dev.monitor.fetch.ReadRequest;
import dev.monitor.files.FileFailures;
import dev.monitor.snapshot.Shard;
import dev.monitor.snapshot.SnapshotRepository;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the snapshot is kept, and how long it may stand in when the API cannot be read: what a run and
 * {@code monitor serve} share ({@link CacheOptions} adds what only a run asks, whether to reuse it instead of
 * fetching).
 */
public class SnapshotOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--max-stale", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "When the API is unreachable, show a saved snapshot younger than this, marked stale "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration maxStale;

    private Path snapshot;
    /** As typed: a path loses its trailing slash, which says that a directory is meant. */
    private String typed;

    @Option(names = "--snapshot", paramLabel = "PATH",
            description = "Snapshot file to use instead of the endpoint's own under $XDG_CACHE_HOME/monitor.")
    void snapshot(String path) {
        snapshot = Path.of(path);
        typed = path;
    }

    /** {@code --snapshot} as given, unchecked. */
    Optional<Path> snapshotOption() {
        return Optional.ofNullable(snapshot);
    }

    /**
     * What a check that always fetches afresh reads: the saved snapshot stands in only while the API cannot be read.
     *
     * @param snapshotFile {@link #snapshotFile}, checked before anything else is read
     */
    public ReadRequest freshRequest(URI endpoint, Path snapshotFile, FetchSettings fetch) {
        return new ReadRequest(endpoint, snapshotFile, fetch, Duration.ZERO, maxStale, true);
    }

    /**
     * {@code --snapshot}, else the file of the endpoint's shard (or whole cluster) in the cache directory.
     *
     * @throws ParameterException when {@code --snapshot} names a directory, or (through links too) a FIFO, a
     *                            device or a socket
     */
    public Path snapshotFile(URI endpoint, Shard shard, SnapshotRepository repository) {
        if (snapshot == null) {
            return repository.fileFor(endpoint, shard);
        }
        // The history is named after the snapshot and kept beside it: a directory (or the root, or "..") would
        // have it written where no one asked, as "..history.json" or "dir.history.json".
        String name = snapshot.getFileName() == null ? "" : snapshot.getFileName().toString();
        if (typed.endsWith("/") || name.isEmpty() || name.equals(".") || name.equals("..")
                || Files.isDirectory(snapshot)) {
            throw new ParameterException(spec.commandLine(), "--snapshot " + typed
                    + " names a directory; name the file to keep the snapshot in");
        }
        // Reading a FIFO waits for a writer for ever; renaming over a device replaces it with a regular file.
        FileFailures.special(snapshot).ifPresent(kind -> {
            throw new ParameterException(spec.commandLine(), "--snapshot " + typed + " names " + kind
                    + "; name the file to keep the snapshot in");
        });
        return snapshot;
    }
}
