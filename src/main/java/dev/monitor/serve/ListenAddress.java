package dev.monitor.serve;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where {@code monitor serve} answers scrapes: {@code HOST:PORT}, an IPv6 address in brackets ({@code [::1]:9817}),
 * port 0 for any free one. The host is taken as written and resolved when the port is opened.
 *
 * @param host a host name or an IP address, an IPv6 one without its brackets
 */
public record ListenAddress(String host, int port) {

    private static final Pattern BRACKETED = Pattern.compile("\\[([0-9A-Fa-f:.]+)]:([0-9]{1,5})");
    private static final Pattern NAMED = Pattern.compile("([A-Za-z0-9.-]+):([0-9]{1,5})");
    private static final int MAX_PORT = 65535;

    public ListenAddress {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("the port must be between 0 and " + MAX_PORT + ", not " + port);
        }
    }

    /**
     * @throws IllegalArgumentException saying what is wrong with the text, for a usage error
     */
    public static ListenAddress parse(String text) {
        Matcher bracketed = BRACKETED.matcher(text);
        Matcher named = NAMED.matcher(text);
        Matcher address = bracketed.matches() ? bracketed : named.matches() ? named : null;
        if (address == null) {
            boolean bareIpv6 = text.chars().filter(c -> c == ':').count() > 1 && !text.startsWith("[")
                    && text.indexOf('/') < 0;
            String why = bareIpv6 ? "an IPv6 address goes in brackets, as in [::1]:9817"
                    : text.startsWith(":") ? "it needs a host before the port" : "it is not HOST:PORT";
            throw new IllegalArgumentException("'" + text + "': " + why + " (127.0.0.1:9817 answers this machine"
                    + " only, 0.0.0.0:9817 every IPv4 interface, [::]:9817 every interface)");
        }
        int port = Integer.parseInt(address.group(2));
        try {
            return new ListenAddress(address.group(1), port);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage(), e);
        }
    }

    /** With the port actually bound, which port 0 leaves to the system. */
    public ListenAddress withPort(int bound) {
        return new ListenAddress(host, bound);
    }

    /** {@code 127.0.0.1:9817}, {@code [::1]:9817}: as typed, and as it goes in a URL. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
