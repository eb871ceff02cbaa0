package dev.monitor.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shard K of N of a cluster's servers ({@code --shard K/N}): the addresses whose stable hash falls in it, so that N
 * processes, each reading the whole {@code /servers} list, fetch every server exactly once between them.
 * <p>
 * The rule, for other tools to reproduce: an address belongs to shard K of N when the 32-bit FNV-1a hash of the
 * UTF-8 bytes of its text, exactly as {@code /servers} lists it (no trimming, no normalisation), read as an unsigned
 * number, modulo N is K - 1. FNV-1a: start at 2166136261 (0x811c9dc5); for each byte, XOR it in, then multiply by
 * 16777619 (0x01000193) modulo 2^32. Test vectors: {@code ""} 0x811c9dc5, {@code "a"} 0xe40c292c, {@code "foobar"}
 * 0xbf9cf968; {@code "10.58.1.1"} 0x9bd25587 (shard 1 of 3), {@code "10.58.1.2"} 0x9cd2571a (shard 3 of 3).
 * <p>
 * A snapshot records the shard it holds, so that a report says it judged a share, and a snapshot of one share never
 * stands in for another's or the whole cluster's.
 *
 * @param number K, from 1
 * @param of     N, the number of shards
 */
public record Shard(int number, int of) {

    /** The whole cluster: one shard of one. */
    public static final Shard WHOLE = new Shard(1, 1);

    private static final Pattern WRITTEN = Pattern.compile("([0-9]{1,9})/([0-9]{1,9})");
    private static final int FNV_OFFSET_BASIS = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;

    public Shard {
        if (of < 1) {
            throw new IllegalArgumentException("there are no shards of " + of + ": N is at least 1");
        }
        if (number < 1 || number > of) {
            throw new IllegalArgumentException("there is no shard " + number + " of " + of + ": K is from 1 to " + of);
        }
    }

    /**
     * {@code K/N} in ASCII digits, as {@code --shard} and the snapshot write it.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static Shard parse(String text) {
        Matcher written = WRITTEN.matcher(text);
        if (!written.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not K/N in digits 0-9, such as 1/3");
        }
        try {
            return new Shard(Integer.parseInt(written.group(1)), Integer.parseInt(written.group(2)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage(), e);
        }
    }

    public boolean isWhole() {
        return of == 1;
    }

    /** {@code shard 1/3}, or {@code the whole cluster}. */
    public String inWords() {
        return isWhole() ? "the whole cluster" : "shard " + this;
    }

    /** A summary of this shard's servers as every format says it: {@code shard 2/3: } first, unless it is all of them. */
    public String prefixed(String summary) {
        return isWhole() ? summary : inWords() + ": " + summary;
    }

    /** Whether the address, as {@code /servers} lists it, belongs to this shard. */
    public boolean holds(String address) {
        return isWhole() || Integer.remainderUnsigned(fnv1a(address), of) == number - 1;
    }

    /** The 32-bit FNV-1a hash of the text's UTF-8 bytes, as an int (read it unsigned). */
    static int fnv1a(String text) {
        int hash = FNV_OFFSET_BASIS;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    @Override
    public String toString() {
        return number + "/" + of;
    }
}
