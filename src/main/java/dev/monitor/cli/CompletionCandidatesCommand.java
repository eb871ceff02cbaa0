package dev.monitor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Snapshot;
import dev.monitor.snapshot.SnapshotRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code monitor __complete services [words of the command line]}: the service names of the last snapshot,
 * one per line, for the completion script. It reads the endpoint's snapshot (or {@code --snapshot}), else the
 * newest one; it never asks the API, and a failure prints nothing, so Tab never hangs or spews.
 */
@Command(name = "__complete", hidden = true)
public class CompletionCandidatesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WHAT", description = "services")
    String what;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    CacheOptions cache;

    /** The rest of the user's command line: flags this command does not know are not errors here. */
    @Unmatched
    List<String> otherWords;

    private final SnapshotRepository repository;

    public CompletionCandidatesCommand(SnapshotRepository repository) {
        this.repository = repository;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if ("services".equals(what)) {
            snapshot().ifPresent(snapshot -> {
                TreeSet<String> names = new TreeSet<>();
                for (Server server : snapshot.servers()) {
                    if (server.service() != null && server.service().chars().noneMatch(Character::isISOControl)) {
                        names.add(server.service());
                    }
                }
                names.forEach(out::println);
            });
        }
        out.flush();
        return 0;
    }

    private Optional<Snapshot> snapshot() {
        try {
            Path file = cache.snapshot != null ? cache.snapshot
                    : connection.port != null || connection.url != null ? repository.fileFor(connection.endpoint())
                    : newest(repository.directory());
            return file == null ? Optional.empty() : repository.read(file);
        } catch (RuntimeException e) {
            // A half-typed command line or an unreadable snapshot (UnreadableSnapshotException): no candidates.
            return Optional.empty();
        }
    }

    private static Path newest(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .max(Comparator.comparing(CompletionCandidatesCommand::modified))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
