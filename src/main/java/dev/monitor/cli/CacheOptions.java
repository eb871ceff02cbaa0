package dev.monitor.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dev.monitor.analysis.Durations;
import dev.monitor.fetch.FetchSettings;
import dev.monitor.fetch.ReadRequest;
import dev.monitor.snapshot.Shard;
import dev.monitor.snapshot.SnapshotRepository;
import picocli.CommandLine.Mixin;
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

    @Mixin
    SnapshotOptions snapshot;

    @Option(names = "--refresh", description = "Fetch afresh even if the saved snapshot is young enough.")
    boolean refresh;

    /**
     * A --max-stale typed shorter than --max-age asks for nothing: a snapshot younger than --max-age is used without
     * asking the API, so no younger one is ever left to stand in as stale. Not checked when --max-stale is its
     * default: {@code --max-age 1h} alone is a plain request, and --max-stale was never chosen.
     *
     * @throws ParameterException when the two disagree
     */
    public void checkAges() {
        Duration maxStale = snapshot.maxStale;
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
        return snapshot.snapshotOption();
    }

    /** @param snapshotFile {@link #snapshotFile}, checked before anything else is read */
    public ReadRequest readRequest(URI endpoint, Path snapshotFile, FetchSettings fetch) {
        return new ReadRequest(endpoint, snapshotFile, fetch, maxAge, snapshot.maxStale, refresh);
    }

    /** {@link SnapshotOptions#snapshotFile}. */
    public Path snapshotFile(URI endpoint, Shard shard, SnapshotRepository repository) {
        return snapshot.snapshotFile(endpoint, shard, repository);
    }
}
