package dev.monitor.files;

import java.time.Duration;
import java.time.Instant;

/**
 * How far a time monitor saved may lie ahead of this machine's clock and still be believed: a clock set right by
 * NTP, or two machines sharing a cache, differ by seconds. A time further ahead is wrong (a clock was, or the file
 * was edited), and data dated so would count as fresh for as long as the error lasts.
 */
public final class ClockSkew {

    public static final Duration ALLOWED = Duration.ofMinutes(1);

    private ClockSkew() {
    }

    /** Whether {@code saved} is more than {@link #ALLOWED} later than {@code now}. */
    public static boolean isAhead(Instant saved, Instant now) {
        return saved.isAfter(now.plus(ALLOWED));
    }
}
