package dev.monitor.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Whether an entry of {@code /servers} is an IP address literal. Anything else is never requested: the
 * entry becomes part of a URL path, and {@code ../admin} or a host name must not.
 */
final class IpLiteral {

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpLiteral() {
    }

    static boolean isValid(String entry) {
        if (entry == null) {
            return false;
        }
        if (IPV4.matcher(entry).matches()) {
            return true;
        }
        if (!entry.contains(":") || !IPV6_CHARACTERS.matcher(entry).matches()) {
            return false;
        }
        try {
            // Only hex digits, colons and dots reach here, so this parses a literal and never asks DNS.
            InetAddress.getByName(entry);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
