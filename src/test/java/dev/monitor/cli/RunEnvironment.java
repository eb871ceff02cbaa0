package dev.monitor.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The environment of the commands a {@code @QuarkusTest} runs in-process ({@link CommandRuns}): the JVM's own, with
 * the variables given for one run laid over it, as a launch with those variables set would see it. Runs with
 * variables of their own do not overlap: {@link CommandRuns} runs one command at a time.
 */
@Alternative
@Priority(1)
@Singleton
public class RunEnvironment extends Environment {

    private volatile Map<String, String> laidOver = Map.of();

    /** Runs {@code run} with {@code variables} set over the JVM's environment. */
    <T> T during(Map<String, String> variables, Supplier<T> run) {
        laidOver = Map.copyOf(variables);
        try {
            return run.get();
        } finally {
            laidOver = Map.of();
        }
    }

    @Override
    public Map<String, String> variables() {
        Map<String, String> given = laidOver;
        if (given.isEmpty()) {
            return super.variables();
        }
        Map<String, String> all = new HashMap<>(super.variables());
        all.putAll(given);
        return all;
    }
}
