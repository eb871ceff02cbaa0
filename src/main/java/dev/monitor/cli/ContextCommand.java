package dev.monitor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import dev.monitor.analysis.HealthyLevel;
import dev.monitor.analysis.Verdict;
import dev.monitor.context.BrokenContext;
import dev.monitor.context.ClusterContext;
import dev.monitor.context.ContextException;
import dev.monitor.context.ContextStore;
import dev.monitor.context.Contexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code monitor context add|list|use|remove}: named clusters, as kubectl and kcctl keep them. */
@Command(name = "context", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Named clusters in $XDG_CONFIG_HOME/monitor/config.yaml (or $MONITOR_CONFIG).",
        subcommands = { ContextCommand.Add.class, ContextCommand.ListContexts.class, ContextCommand.Use.class,
                ContextCommand.Remove.class })
public class ContextCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "say what to do: add, list, use or remove");
    }

    /** Reads, changes and writes the file, turning every problem into one line and exit 3. */
    abstract static class Change implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Inject
        Environment environment;

        private final ContextStore store = new ContextStore();

        abstract Contexts change(Contexts contexts);

        abstract String done();

        @Override
        public Integer call() {
            Path file = store.file(environment.variables());
            try {
                store.update(file, this::change);
            } catch (ContextException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            } catch (IOException e) {
                spec.commandLine().getErr().println("monitor: cannot write " + file + ": " + e.getMessage());
                return Verdict.UNKNOWN.exitCode();
            }
            spec.commandLine().getErr().println("monitor: " + done() + " (" + file + ")");
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add or replace a named cluster; "
            + "the first one added becomes the current one.")
    static class Add extends Change {

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--url", required = true, paramLabel = "URL", description = "Base URL of its API.")
        String url;

        @Option(names = "--token-file", paramLabel = "FILE", description = "File of its bearer token (the path is saved, never the token).")
        Path tokenFile;

        @Option(names = "--cacert", paramLabel = "FILE", description = "PEM bundle of the CAs it is trusted by.")
        Path caBundle;

        @Option(names = "--proxy", paramLabel = "URL", description = "HTTP proxy to reach it through, without credentials.")
        String proxy;

        @Option(names = "--min-healthy", paramLabel = "N|P%", converter = HealthyLevelConverter.class,
                description = "Its critical level.")
        HealthyLevel minHealthy;

        @Option(names = "--warn-healthy", paramLabel = "N|P%", converter = HealthyLevelConverter.class,
                description = "Its warning level.")
        HealthyLevel warnHealthy;

        @Option(names = "--service-min-healthy", paramLabel = "NAME=N|P%",
                converter = ServiceLevelArgument.Converter.class,
                description = "A service's own critical level. Repeatable.")
        List<ServiceLevelArgument> serviceMinHealthy;

        @Option(names = "--service-warn-healthy", paramLabel = "NAME=N|P%",
                converter = ServiceLevelArgument.Converter.class,
                description = "A service's own warning level. Repeatable.")
        List<ServiceLevelArgument> serviceWarnHealthy;

        @Option(names = "--expect-service", paramLabel = "NAME", description = "A service it must have. Repeatable.")
        List<String> expectServices;

        @Override
        Contexts change(Contexts contexts) {
            // As the file's entries are checked when it is read, in the words of this command's options.
            ClusterContext.check(url, proxy, expectServices, Add::option);
            ClusterContext context;
            try {
                context = new ClusterContext(url, absolute(tokenFile), absolute(caBundle), proxy,
                        Optional.ofNullable(minHealthy), Optional.ofNullable(warnHealthy), expectServices,
                        ServiceLevelArgument.byService(serviceMinHealthy, serviceWarnHealthy));
                // Checked as a run of it without flags checks it, against the defaults in force: what is saved here,
                // that run takes.
                new LevelSources(LevelSources.Given.NONE, name, LevelSources.Given.of(context), runDefaults())
                        .thresholds(0, 0, Set.of());
            } catch (IllegalArgumentException e) {
                throw new ContextException(e.getMessage());
            }
            return contexts.with(name, context);
        }

        /** The levels a run takes where its context holds none, read as the run's own options read them. */
        private LevelSources.Given runDefaults() {
            return new LevelSources.Given(runDefault("--min-healthy"), runDefault("--warn-healthy"), Map.of());
        }

        private Optional<HealthyLevel> runDefault(String option) {
            String text = new ConfigDefaultProvider().defaultValue(spec.root().findOption(option));
            try {
                return Optional.ofNullable(text).map(HealthyLevel::parse);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the default " + option + ": " + e.getMessage(), e);
            }
        }

        /** The option of this command that sets a key of the file: {@code --url} for {@code url}. */
        private static String option(String key) {
            return "expect-services".equals(key) ? "--expect-service" : "--" + key;
        }

        /** Saved absolute, so the context works from any directory. */
        private static String absolute(Path file) {
            if (file == null) {
                return null;
            }
            if (!Files.isReadable(file)) {
                throw new ContextException(file + ": no such readable file");
            }
            return file.toAbsolutePath().normalize().toString();
        }

        @Override
        String done() {
            return "context '" + name + "' saved";
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the named clusters; * marks the current one.")
    static class ListContexts implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Inject
        Environment environment;

        private final ContextStore store = new ContextStore();

        /** Lists every entry, a broken one with its problem, and exits 0: listing worked; stderr says what to fix. */
        @Override
        public Integer call() {
            Path file = store.file(environment.variables());
            Contexts contexts;
            try {
                contexts = store.read(file);
            } catch (ContextException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            contexts.entries().forEach((name, entry) -> out.println((name.equals(contexts.current()) ? "* " : "  ")
                    + name + "  " + switch (entry) {
                        case ClusterContext context -> context.url();
                        case BrokenContext unusable -> "broken: " + unusable.problem();
                    }));
            out.flush();
            if (contexts.entries().isEmpty()) {
                // Said on stderr: stdout stays the list, empty, for scripts.
                spec.commandLine().getErr().println("monitor: no contexts in " + file
                        + " yet; add one with monitor context add NAME --url URL");
            }
            List<String> broken = contexts.entries().entrySet().stream()
                    .filter(entry -> entry.getValue() instanceof BrokenContext).map(Map.Entry::getKey).toList();
            if (!broken.isEmpty()) {
                spec.commandLine().getErr().println("monitor: warning: broken contexts in " + file + ": "
                        + String.join(", ", broken) + " (fix them there, or remove them with monitor context remove NAME)");
            }
            return 0;
        }
    }

    @Command(name = "use", mixinStandardHelpOptions = true, description = "Make a named cluster the current one.")
    static class Use extends Change {

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        Contexts change(Contexts contexts) {
            return contexts.using(name);
        }

        @Override
        String done() {
            return "now using context '" + name + "'";
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Forget a named cluster.")
    static class Remove extends Change {

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        Contexts change(Contexts contexts) {
            return contexts.without(name);
        }

        @Override
        String done() {
            return "context '" + name + "' removed";
        }
    }
}
