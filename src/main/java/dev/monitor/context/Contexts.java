package dev.monitor.context;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Every entry of the contexts file by name, usable or broken, and the one in use when a run names none. */
public record Contexts(String current, SortedMap<String, ContextEntry> entries) {

    public static final Contexts EMPTY = new Contexts(null, new TreeMap<>());

    /**
     * What {@code context add} takes as a name, as kubectl's names are in practice: typed after {@code --context}
     * and listed one per line, so nothing a shell or a terminal would take apart.
     */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{Nd}][\\p{L}\\p{Nd}._-]*");

    public Contexts {
        entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }

    /** The context of that name, if the file holds one; a broken entry of that name is an error saying why. */
    public Optional<ClusterContext> get(String name) {
        return switch (entries.get(name)) {
            case null -> Optional.empty();
            case ClusterContext context -> Optional.of(context);
            case BrokenContext broken -> throw broken.unusable(name);
        };
    }

    /** Adds or replaces a context, a broken entry of that name too; the first one added becomes the current one. */
    public Contexts with(String name, ClusterContext context) {
        if (!NAME.matcher(name).matches()) {
            throw new ContextException("context name '" + name + "' must be letters, digits, '.', '_' and '-', "
                    + "starting with a letter or digit");
        }
        TreeMap<String, ContextEntry> all = new TreeMap<>(entries);
        all.put(name, context);
        return new Contexts(current == null ? name : current, all);
    }

    /** Removes the entry, broken or not: that is how a broken one is repaired without editing the file. */
    public Contexts without(String name) {
        requireKnown(name);
        TreeMap<String, ContextEntry> all = new TreeMap<>(entries);
        all.remove(name);
        return new Contexts(name.equals(current) ? null : current, all);
    }

    public Contexts using(String name) {
        requireKnown(name);
        if (entries.get(name) instanceof BrokenContext broken) {
            throw broken.unusable(name);
        }
        return new Contexts(name, entries);
    }

    private void requireKnown(String name) {
        if (name.isBlank()) {
            throw new ContextException("a context name cannot be blank; known: " + known());
        }
        if (!entries.containsKey(name)) {
            throw new ContextException("no context named '" + name + "'; known: " + known());
        }
    }

    private String known() {
        return entries.isEmpty() ? "none (add one with monitor context add)" : String.join(", ", entries.keySet());
    }
}
