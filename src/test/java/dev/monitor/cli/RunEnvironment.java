package dev.monitor.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The environment of the commands a {@code @QuarkusTest} runs in-process ({@link CommandRuns}): the JVM's own, with
 * the variables given for one run laid over it, as a launch with those variables set would see it. Per thread: a
 * command reads its environment on the thread that runs it, and a test may run one command (serve) on a thread of
 * its own while it runs others.
 */
@Alternative
@Priority(1)
@Singleton
public class RunEnvironment extends Environment {

    private final ThreadLocal<Map<String, String>> laidOver = ThreadLocal.withInitial(Map::of);

    /** Runs {@code run} on this thread with {@code variables} set over the JVM's environment. */
    <T> T during(Map<String, String> variables, Supplier<T> run) {
        laidOver.set(variables);
        try {
            return run.get();
        } finally {
            laidOver.remove();
        }
    }

    @Override
    public Map<String, String> variables() {
        Map<String, String> given = laidOver.get();
        if (given.isEmpty()) {
            return super.variables();
        }
        Map<String, String> all = new HashMap<>(super.variables());
        all.putAll(given);
        return all;
    }
}
