package dev.monitor.cli;

import java.util.List;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point: {@code monitor --version} (or {@code -V}) alone is answered at once, from a constant, without
 * starting the application (its configuration, Vert.x, the REST client and picocli's model of every command take
 * most of a run's start-up); everything else runs the command line in Quarkus ({@link CommandLineApplication}).
 * Nothing here is looked up at run time, so a native executable answers the same.
 */
@QuarkusMain
public class MonitorMain {

    private static final List<String> VERSION_FLAGS = List.of("--version", "-V");

    public static void main(String... args) {
        if (args.length == 1 && VERSION_FLAGS.contains(args[0])) {
            System.out.println(VersionProvider.line());
            return;
        }
        Quarkus.run(CommandLineApplication.class, args);
    }
}
