package dev.monitor.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;

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
 * else the file's current one. What the context holds fills in only the options not given on the command
 * line, so a flag always wins.
 */
public class ContextOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    // Completion of the names is live (CompletionCommand): candidates given here would be fixed in the script.
    @Option(names = "--context", paramLabel = "NAME",
            description = "Use this named cluster from the contexts file for this run (else $MONITOR_CONTEXT, "
                    + "else the current one; see monitor context).")
    String name;

    /** Fills the options the command line left out from the selected context, if any. */
    void apply(ContextStore store, Map<String, String> env, ConnectionOptions connection, AccessOptions access,
            ThresholdOptions thresholds) {
        Optional<ClusterContext> selected = selected(store, env);
        if (selected.isEmpty()) {
            return;
        }
        ClusterContext context = selected.get();
        ParseResult given = spec.commandLine().getParseResult();
        if (!given.hasMatchedOption("--url") && !given.hasMatchedOption("--port")) {
            connection.url = context.url();
        }
        if (context.tokenFile() != null && !given.hasMatchedOption("--token-file")
                && !given.hasMatchedOption("--basic-auth-file")) {
            access.tokenFile = context.tokenFile();
        }
        if (context.caBundle() != null && !given.hasMatchedOption("--cacert")) {
            access.caBundle = Path.of(context.caBundle());
        }
        if (context.proxy() != null && !given.hasMatchedOption("--proxy")) {
            access.proxy = context.proxy();
        }
        if (!context.expectServices().isEmpty() && !given.hasMatchedOption("--expect-service")) {
            thresholds.expectedServices = new java.util.ArrayList<>(new LinkedHashSet<>(context.expectServices()));
        }
        // Its levels are weighed against the flags' by the thresholds, which name each level by where it came from.
        thresholds.context = name;
        thresholds.contextLevels = LevelSources.Given.of(context);
    }

    private Optional<ClusterContext> selected(ContextStore store, Map<String, String> env) {
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
                return Optional.of(contexts.get(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                        "no context named '" + name + "' in " + file + "; known: " + known)));
            }
            // The current context stands in only when the run names no cluster itself (checked above).
            if (contexts.current() == null) {
                return Optional.empty();
            }
            name = contexts.current();
            return contexts.get(name);
        } catch (ContextException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
