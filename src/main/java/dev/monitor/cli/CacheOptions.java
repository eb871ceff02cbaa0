package dev.monitor.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dev.monitor.analysis.Durations;
import dev.monitor.fetch.FetchSettings;
import dev.monitor.fetch.ReadRequest;
import dev.monitor.files.FileFailures;
import dev.monitor.snapshot.SnapshotRepository;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How old the data may be, and where it is kept. */
public class CacheOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--max-age", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Reuse the saved snapshot while younger than this (default: ${DEFAULT-VALUE}).")
    Duration maxAge;

    @Option(names = "--max-stale", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "When the API is unreachable, show a saved snapshot younger than this, marked stale "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration maxStale;

    @Option(names = "--refresh", description = "Fetch afresh even if the saved snapshot is young enough.")
    boolean refresh;

    private Path snapshot;
    /** As typed: a path loses its trailing slash, which says that a directory is meant. */
    private String typed;

    @Option(names = "--snapshot", paramLabel = "PATH",
            description = "Snapshot file to use instead of the endpoint's own under $XDG_CACHE_HOME/monitor.")
    void snapshot(String path) {
        snapshot = Path.of(path);
        typed = path;
    }

    /**
     * A --max-stale typed shorter than --max-age asks for nothing: a snapshot younger than --max-age is used without
     * asking the API, so no younger one is ever left to stand in as stale. Not checked when --max-stale is its
     * default: {@code --max-age 1h} alone is a plain request, and --max-stale was never chosen.
     *
     * @throws ParameterException when the two disagree
     */
    public void checkAges() {
        if (spec.commandLine().getParseResult().hasMatchedOption("--max-stale") && maxStale.compareTo(maxAge) < 0) {
            throw new ParameterException(spec.commandLine(), "--max-stale " + Durations.exact(maxStale)
                    + " is shorter than " + (spec.commandLine().getParseResult().hasMatchedOption("--max-age")
                            ? "--max-age " : "the default --max-age ") + Durations.exact(maxAge)
                    + ": a snapshot that young is used without asking the API; give --max-stale at least as long "
                    + "(the same to never show stale data)");
        }
    }

    /** {@code --snapshot} as given, unchecked. */
    Optional<Path> snapshotOption() {
        return Optional.ofNullable(snapshot);
    }

    /** @param snapshotFile {@link #snapshotFile}, checked before anything else is read */
    public ReadRequest readRequest(URI endpoint, Path snapshotFile, FetchSettings fetch) {
        return new ReadRequest(endpoint, snapshotFile, fetch, maxAge, maxStale, refresh);
    }

    /**
     * {@code --snapshot}, else the endpoint's own file in the cache directory.
     *
     * @throws ParameterException when {@code --snapshot} names a directory, or (through links too) a FIFO, a
     *                            device or a socket
     */
    public Path snapshotFile(URI endpoint, SnapshotRepository repository) {
        if (snapshot == null) {
            return repository.fileFor(endpoint);
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
