package dev.monitor.api;

import java.util.Locale;

/**
 * A {@code no_proxy} list as curl reads it: comma-separated; {@code *} alone matches every host; a name
 * matches itself and its subdomains, with or without a leading dot ({@code .example.com} and
 * {@code example.com} both match {@code api.example.com}); an IP address matches itself, an IPv4
 * {@code a.b.c.d/n} the addresses in that range.
 */
final class NoProxyList {

    private NoProxyList() {
    }

    static boolean matches(String list, String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        for (String raw : list.split(",")) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                return true;
            }
            if (entry.contains("/")) {
                if (inRange(entry, name)) {
                    return true;
                }
                continue;
            }
            String domain = entry.startsWith(".") ? entry.substring(1) : entry;
            if (domain.startsWith("[") && domain.endsWith("]")) {
                domain = domain.substring(1, domain.length() - 1);
            }
            if (name.equals(domain) || name.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inRange(String cidr, String host) {
        String[] parts = cidr.split("/", 2);
        long network = ipv4(parts[0]);
        long address = ipv4(host);
        if (network < 0 || address < 0 || !parts[1].matches("\\d{1,2}") || Integer.parseInt(parts[1]) > 32) {
            return false;
        }
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (network & mask) == (address & mask);
    }

    /** The dotted IPv4 address as a number, or -1 when it is not one. */
    private static long ipv4(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return -1;
        }
        long value = 0;
        for (String octet : octets) {
            if (!octet.matches("\\d{1,3}") || Integer.parseInt(octet) > 255) {
                return -1;
            }
            value = value << 8 | Integer.parseInt(octet);
        }
        return value;
    }
}
