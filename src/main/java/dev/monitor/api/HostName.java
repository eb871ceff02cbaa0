package dev.monitor.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What {@code --host} may be: a host name (RFC 1123: letters, digits and hyphens, in dot-separated labels of 1 to
 * 63) or an IP address, IPv6 bare or in brackets. Nothing else, because a URL is made of it: a {@code #}, {@code /},
 * {@code ?} or {@code @} in it would turn the port, or the whole host, into another part of the URL.
 */
final class HostName {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern NUMERIC = Pattern.compile("[0-9.]+");
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern SHOWABLE = Pattern.compile("[!-~]+");
    private static final int MAX_LENGTH = 253;

    private HostName() {
    }

    /**
     * The host as a URI holds it (an IPv6 address in brackets).
     *
     * @throws IllegalArgumentException whose message follows the option's name and never repeats a part of the text
     *                                  that is not a host (a user and password, a query, a fragment)
     */
    static String forUri(String host) {
        if (host.isEmpty()) {
            throw new IllegalArgumentException("needs a host name or an IP address");
        }
        if (host.indexOf('@') >= 0) {
            throw new IllegalArgumentException("must be a host name or an IP address, without a user or password "
                    + "(give credentials with --token-file or --basic-auth-file)");
        }
        for (char c : new char[] { '/', '?', '#' }) {
            if (host.indexOf(c) >= 0) {
                throw new IllegalArgumentException("must be a host name or an IP address, not a URL or part of one "
                        + "(it holds '" + c + "'); give a whole URL with --url");
            }
        }
        if (host.startsWith("[") || host.indexOf(':') >= 0) {
            return ipv6(host);
        }
        if (NUMERIC.matcher(host).matches()) {
            if (!IPV4.matcher(host).matches()) {
                throw new IllegalArgumentException("'" + host + "' is not an IPv4 address (four numbers from 0 to 255, "
                        + "without leading zeros)");
            }
            return host;
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.length() > MAX_LENGTH || name.isEmpty()
                || !name.chars().allMatch(c -> c < 128) || !allLabels(name)) {
            throw new IllegalArgumentException(SHOWABLE.matcher(host).matches()
                    ? "'" + host + "' is not a host name (letters, digits and hyphens, between dots) or an IP address"
                    : "must be a host name or an IP address: it holds a space or a character no host name has");
        }
        return host;
    }

    private static boolean allLabels(String name) {
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Bare or in brackets; checked by the JDK, which never asks DNS about a name in brackets. */
    private static String ipv6(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (host.startsWith("[") ? host.contains("]:") : host.indexOf(':') == host.lastIndexOf(':')) {
            throw new IllegalArgumentException("must be a host name or an IP address, without a port: give the port "
                    + "with --port");
        }
        try {
            if (bare.indexOf(':') >= 0 && IPV6.matcher(bare).matches()) {
                InetAddress.getByName("[" + bare + "]");
                return "[" + bare + "]";
            }
        } catch (UnknownHostException e) {
            // Not an IPv6 address: said below.
        }
        throw new IllegalArgumentException("is not an IPv6 address (give one bare, ::1, or in brackets, [::1])");
    }

    /**
     * {@code localhost} (and its subdomains, RFC 6761), {@code 127.0.0.0/8} and {@code ::1}: a name is not looked
     * up, so one that resolves to a loopback address is not counted.
     */
    static boolean isLoopback(String uriHost) {
        String host = uriHost.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        boolean literal = host.startsWith("[") || IPV4.matcher(host).matches();
        try {
            return literal && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
