package dev.monitor.analysis;

/** Sort keys that put IPv4 addresses in numeric order; anything else sorts after them. */
final class AddressOrder {

    /** The key of anything that is not dotted IPv4: after every address. */
    static final long NOT_IPV4 = Long.MAX_VALUE;

    private AddressOrder() {
    }

    /** The address as an unsigned 32-bit number, or {@link #NOT_IPV4}. */
    static long key(String ip) {
        long value = 0;
        int octet = -1;
        int dots = 0;
        for (int i = 0; i < ip.length(); i++) {
            char c = ip.charAt(i);
            if (c >= '0' && c <= '9') {
                octet = (octet < 0 ? 0 : octet * 10) + (c - '0');
                if (octet > 255) {
                    return NOT_IPV4;
                }
            } else if (c == '.' && octet >= 0 && dots < 3) {
                value = value << 8 | octet;
                octet = -1;
                dots++;
            } else {
                return NOT_IPV4;
            }
        }
        return dots == 3 && octet >= 0 ? value << 8 | octet : NOT_IPV4;
    }
}
