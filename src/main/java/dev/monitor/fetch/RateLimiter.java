package dev.monitor.fetch;

import java.time.Duration;

import io.smallrye.mutiny.Uni;

/**
 * Spaces requests evenly at a rate, across every worker of a run: each permit is the next free slot
 * {@code 1/rate} after the previous one. No bursts, so a fragile API never sees more than the rate in
 * any second.
 */
final class RateLimiter {

    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    /** @param rate requests per second; 0 or less lets every request go at once */
    RateLimiter(double rate) {
        this.intervalNanos = rate > 0 ? (long) (1_000_000_000L / rate) : 0;
    }

    /** Completes when the request may be sent. */
    Uni<Void> permit() {
        if (intervalNanos == 0) {
            return Uni.createFrom().voidItem();
        }
        long wait = reserve();
        return wait <= 0 ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofNanos(wait));
    }

    private synchronized long reserve() {
        long now = System.nanoTime();
        long slot = Math.max(now, nextSlot);
        nextSlot = slot + intervalNanos;
        return slot - now;
    }
}
