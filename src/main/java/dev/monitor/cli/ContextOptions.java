package dev.monitor.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.monitor.context.ClusterContext;
import dev.monitor.context.ContextException;
import dev.monitor.context.ContextStore;
import dev.monitor.context.Contexts;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code --context NAME} (or {@code $MONITOR_CONTEXT}): a named cluster from the contexts file for this run,
 * else the file's current one. The context selected is a value handed to each option mixin, which takes from it
 * only what the command line did not type, so a flag always wins.
 */
public class ContextOptions {

    /** The context this run uses, by the name it was selected under. */
    record Selected(String name, ClusterContext context) {
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    // Completion of the names is live (CompletionCommand): candidates given here would be fixed in the script.
    @Option(names = "--context", paramLabel = "NAME",
            description = "Use this named cluster from the contexts file for this run (else $MONITOR_CONTEXT, "
                    + "else the current one; see monitor context).")
    String name;

    /**
     * What the selected context holds for an option, unless the command line typed one of {@code options}; else
     * {@code own}, the option's value (typed, or the default in force). A value the context does not hold (null) is
     * no value.
     */
    static <T> T unlessTyped(CommandSpec spec, Optional<Selected> selected, Function<ClusterContext, T> value, T own,
            String... options) {
        ParseResult given = spec.commandLine().getParseResult();
        if (Stream.of(options).anyMatch(given::hasMatchedOption)) {
            return own;
        }
        return selected.map(Selected::context).map(value).orElse(own);
    }

    /** The context this run uses: {@code --context}, else {@code $MONITOR_CONTEXT}, else the file's current one. */
    Optional<Selected> selected(ContextStore store, Map<String, String> env) {
        Path file = store.file(env);
        ParseResult given = spec.commandLine().getParseResult();
        if (name == null && (given.hasMatchedOption("--url") || given.hasMatchedOption("--port"))) {
            // The run names its cluster and no context: the contexts file is not read, so that a broken
            // entry in it cannot stop a run that does not use it.
            return Optional.empty();
        }
        try {
            Contexts contexts = store.read(file);
            String known = contexts.entries().isEmpty() ? "none" : String.join(", ", contexts.entries().keySet());
            if (name != null && name.isBlank()) {
                throw new ParameterException(spec.commandLine(), "--context needs a context name, not '" + name
                        + "'; known: " + known);
            }
            if (name != null) {
                return Optional.of(new Selected(name, contexts.get(name).orElseThrow(() -> new ParameterException(
                        spec.commandLine(), "no context named '" + name + "' in " + file + "; known: " + known))));
            }
            // The current context stands in only when the run names no cluster itself (checked above).
            String current = contexts.current();
            return current == null ? Optional.empty()
                    : contexts.get(current).map(context -> new Selected(current, context));
        } catch (ContextException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
