package dev.monitor.context;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Every named cluster, and the one in use when a run names none. */
public record Contexts(String current, SortedMap<String, ClusterContext> clusters) {

    public static final Contexts EMPTY = new Contexts(null, new TreeMap<>());

    public Contexts {
        clusters = Collections.unmodifiableSortedMap(new TreeMap<>(clusters));
    }

    public Optional<ClusterContext> get(String name) {
        return Optional.ofNullable(clusters.get(name));
    }

    /** Adds or replaces a context; the first one added becomes the current one. */
    public Contexts with(String name, ClusterContext context) {
        TreeMap<String, ClusterContext> all = new TreeMap<>(clusters);
        all.put(name, context);
        return new Contexts(current == null ? name : current, all);
    }

    public Contexts without(String name) {
        requireKnown(name);
        TreeMap<String, ClusterContext> all = new TreeMap<>(clusters);
        all.remove(name);
        return new Contexts(name.equals(current) ? null : current, all);
    }

    public Contexts using(String name) {
        requireKnown(name);
        return new Contexts(name, clusters);
    }

    private void requireKnown(String name) {
        if (!clusters.containsKey(name)) {
            throw new ContextException("no context named '" + name + "'; known: "
                    + (clusters.isEmpty() ? "none (add one with monitor context add)" : String.join(", ", clusters.keySet())));
        }
    }
}
