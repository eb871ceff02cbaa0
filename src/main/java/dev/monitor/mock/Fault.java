package dev.monitor.mock;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A way the mock cluster API misbehaves, as real clusters do (the list in docs/api.md).
 * A {@link Scope#SERVER} fault hits a few servers' {@code GET /<ip>}; a {@link Scope#LIST} fault changes
 * {@code GET /servers} itself, or the whole API.
 */
public enum Fault {

    HTTP_500("500", Scope.SERVER, "answers HTTP 500"),
    HTTP_404("404", Scope.SERVER, "answers HTTP 404"),
    TIMEOUT("timeout", Scope.SERVER, "never answers"),
    TRICKLE("trickle", Scope.SERVER, "sends a valid answer one byte per second"),
    RESET("reset", Scope.SERVER, "resets the connection instead of answering"),
    GARBAGE("garbage", Scope.SERVER, "answers 200 with a body that is not JSON"),
    MISSING("missing", Scope.SERVER, "answers without the memory field"),
    BAD_VALUE("badvalue", Scope.SERVER, "answers cpu \"abc%\", \"250%\" or \"-5%\""),
    ESCAPE("escape", Scope.SERVER, "names its service with terminal escape sequences"),
    INVISIBLE("invisible", Scope.SERVER, "names its service with an invisible or direction-changing character"),
    FORMULA("formula", Scope.SERVER, "names its service like a spreadsheet formula, =cmd|' /C calc'!A0"),
    HUGE("huge", Scope.SERVER, "answers a valid body of 1 MiB"),

    EMPTY("empty", Scope.LIST, "lists no servers at all"),
    TRAVERSAL("traversal", Scope.LIST, "also lists entries that are not IP addresses, like ../admin"),
    DUPLICATE("duplicate", Scope.LIST, "lists some servers twice"),
    LOOKALIKE("lookalike", Scope.LIST,
            "also lists 10.58.1.1 with an invisible character or a space, entries that look like an address"),
    SERVERS_500("servers-500", Scope.LIST, "answers /servers with HTTP 500"),
    SERVERS_HANG("servers-hang", Scope.LIST, "never answers /servers"),
    SERVERS_GARBAGE("servers-garbage", Scope.LIST, "answers /servers with a body that is not JSON"),
    SERVERS_HUGE("servers-huge", Scope.LIST, "answers /servers with a body of more than 64 MiB"),
    DROP_REUSED("drop-reused", Scope.LIST,
            "closes a connection unanswered when it brings a second request, as proxies that close idle ones do");

    /** Where a fault strikes. */
    public enum Scope {
        SERVER, LIST
    }

    private final String token;
    private final Scope scope;
    private final String effect;

    Fault(String token, Scope scope, String effect) {
        this.token = token;
        this.scope = scope;
        this.effect = effect;
    }

    /** The name the user writes in {@code --faults}. */
    public String token() {
        return token;
    }

    public Scope scope() {
        return scope;
    }

    /** What a hit server or the list does, in a few words. */
    public String effect() {
        return effect;
    }

    public static Optional<Fault> byToken(String token) {
        return Arrays.stream(values()).filter(fault -> fault.token.equals(token)).findFirst();
    }

    public static String tokens() {
        return Arrays.stream(values()).map(Fault::token).collect(Collectors.joining(", "));
    }
}
