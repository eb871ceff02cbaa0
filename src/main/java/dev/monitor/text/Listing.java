package dev.monitor.text;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Names in a line a person reads (a summary, a message): the first few, then how many more, so a cluster of
 * 100,000 failing services still gives one readable line. The whole lists are in the report's own rows.
 */
public final class Listing {

    /** Names listed before "and N more". */
    public static final int SHOWN = 5;

    private Listing() {
    }

    /** {@code A, B, C, D, E and 37616 more}, or all of them when they are {@value #SHOWN} or fewer. */
    public static String of(List<String> names) {
        return of(names, Function.identity());
    }

    /** As {@link #of(List)}, each item said by {@code said}; only the items listed are said. */
    public static <T> String of(List<T> items, Function<T, String> said) {
        String listed = items.stream().limit(SHOWN).map(said).collect(Collectors.joining(", "));
        return items.size() > SHOWN ? listed + " and " + (items.size() - SHOWN) + " more" : listed;
    }
}
