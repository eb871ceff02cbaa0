package dev.monitor.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.monitor.context.ContextStore;
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
 * {@code monitor __complete contexts}: the names in the contexts file ({@code $MONITOR_CONFIG}, ...), as they
 * are at this Tab.
 */
@Command(name = "__complete", hidden = true)
public class CompletionCandidatesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WHAT", description = "services or contexts")
    String what;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    CacheOptions cache;

    /** The rest of the user's command line: flags this command does not know are not errors here. */
    @Unmatched
    List<String> otherWords;

    private final SnapshotRepository repository;
    private final Environment environment;

    public CompletionCandidatesCommand(SnapshotRepository repository, Environment environment) {
        this.repository = repository;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if ("services".equals(what)) {
            snapshot().ifPresent(snapshot -> printable(snapshot.servers().stream().map(Server::service))
                    .forEach(out::println));
        } else if ("contexts".equals(what)) {
            printable(contextNames().stream()).forEach(out::println);
        }
        out.flush();
        return 0;
    }

    /** Sorted, once each, without names a shell would choke on (control characters from the API). */
    private static TreeSet<String> printable(Stream<String> names) {
        return names.filter(name -> name != null && name.chars().noneMatch(Character::isISOControl))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> contextNames() {
        try {
            ContextStore store = new ContextStore();
            // Broken entries too: `context remove` is how one is repaired.
            return store.read(store.file(environment.variables())).entries().keySet();
        } catch (RuntimeException e) {
            // No contexts file, or one that cannot be read (ContextException): no candidates.
            return Set.of();
        }
    }

    private Optional<Snapshot> snapshot() {
        try {
            return cache.snapshotOption()
                    .or(() -> connection.namedEndpoint().map(repository::fileFor))
                    .or(repository::newest)
                    .flatMap(repository::read);
        } catch (RuntimeException e) {
            // A half-typed command line or an unreadable snapshot (UnreadableSnapshotException): no candidates.
            return Optional.empty();
        }
    }
}
