package dev.monitor.fetch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import jakarta.ws.rs.WebApplicationException;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.UniEmitter;

/**
 * The requests a run may have in flight at once: each request waits for a permit, without holding a thread, and
 * gives it back when its answer ends. With {@code --concurrency N} the limit is N. With {@code --concurrency auto}
 * it is found while fetching, as TCP finds its congestion window (slow start, then increase while answers keep their
 * latency, multiplicative decrease):
 * <ul>
 * <li>It starts at a few ({@value #INITIAL_LIMIT}). A server that answers one request at a time behind a small
 * accept queue (Python's {@code http.server}: 5) drops the connections that overflow the queue, and the kernel
 * tries a dropped one again only after a second: longer than such a server takes for 150 servers.</li>
 * <li>Slow start: each answer whose latency stays near the lowest seen adds one, so the limit doubles each round
 * trip, and 10,000 servers behind 20 ms have 256 in flight within a few tenths of a second.</li>
 * <li>It never grows past about twice the requests the API answers within the lowest latency (a window's answers
 * over its duration, times the lowest latency: the bandwidth-delay product of BBR). In slow start, while each
 * window's answers come a quarter faster than the last, BBR's startup gain ({@code 2 / ln 2}) takes the place of
 * twice: a window's answers came while half as many were in flight as now, and the limit may still double each
 * round trip. A server that answers one request at a time answers no faster for more in flight, and one or two in
 * the lowest latency: the limit stays at the start, where no queue overflows. Latency alone would not tell: a
 * young JVM's own latency falls for its first few hundred milliseconds, and while its own slowness sets every
 * latency the product stands for concurrency the server never had (a one-at-a-time server then seems to take a
 * dozen, and overflows its queue once the client is warm); so the ceiling rises only once the lowest latency has
 * fallen by no more than a tenth for {@value #SETTLE_TIME_MS} ms, and the ceiling of a window is the larger of its
 * own and the window before's, so that one slow window (a collection) does not stop the climb.</li>
 * <li>When most answers of {@value #SLOW_WINDOWS} windows in a row (a window: as many answers as the limit, about
 * one round trip) take more than twice the lowest latency seen, and {@value #LATENCY_SLACK_MS} ms more (below that a
 * loaded machine's own jitter speaks), requests are queueing in front of the API: the limit is multiplied by
 * {@value #BACKOFF}. One or two slow windows are most often the client's own hiccup (a collection, a young JVM
 * compiling, another process on a shared machine), and ending slow start on them left a 10,000-server run at a
 * hundred in flight. Latency alone never takes the limit below the start: a server that answers one at a time makes
 * the start's requests wait for each other, a queue of its own that no connection overflows, and below it the
 * server would wait for each next request.</li>
 * <li>So it is when a connection is refused, reset or closed, a request times out, or the API answers 429 or
 * 503: the API, or the network in front of it, is overloaded. Once per episode: the requests already sent when
 * the limit came down fail for the same reason, and count once. Another status (a 500 of one broken server) is
 * an answer, and says nothing of the load.</li>
 * <li>After the first decrease, each window whose answers kept their latency adds an eighth of the limit, and at
 * least one: from 150 it is back at 256 in five round trips, not a hundred. Once the API has said it is overloaded
 * (a failure, a 429) each such window adds one, as TCP's: every probe past its limit costs requests that must be
 * tried again, and an API answering 429 above 16 probed by an eighth left a server UNKNOWN in one run of 30.</li>
 * <li>The limit grows only while it is used: a run held back by {@code --rate}, or at the end of its list,
 * learns nothing about the API.</li>
 * <li>A request still unanswered after {@value #STRAGGLER_FACTOR} times the lowest latency, and at least a second,
 * gives its place up: a few servers that hang must not hold every place of a small limit until their timeout.
 * How such a straggler ends (its timeout, most often) speaks of its server, not of the load.</li>
 * <li>Never below 1, never above {@code --max-concurrency}.</li>
 * </ul>
 * The latency runs from the permit to the end of the answer, so it holds the connection's set-up: with HTTP/1.0 or
 * {@code Connection: close} answers each request opens a new connection, and an accept queue that overflows shows
 * as connect time.
 *
 * <p>
 * Netflix's concurrency-limits (on Maven Central) was weighed: its limiters grant or refuse a permit at once, or
 * block a thread for one, so the asynchronous wait here would be ours all the same; and its limits are tuned for
 * long-lived services that see millions of samples (Vegas starts at 20 and adds up to 6 an answer; Gradient2
 * ignores failures), where a run of 150 requests must not overshoot even once.
 */
final class ConcurrencyLimiter {

    static final int INITIAL_LIMIT = 4;
    static final double BACKOFF = 0.7;
    /** BBR's congestion window gain: room for the answers in flight and as many being sent. */
    private static final double CEILING_GAIN = 2;
    /**
     * BBR's startup gain, 2 / ln 2: in slow start a window's answers came while fewer were in flight than now, and
     * with this gain the ceiling still doubles each round trip.
     */
    private static final double STARTUP_GAIN = 2 / Math.log(2);
    /** BBR's test of a pipe not yet full: the answers came a quarter faster than a window before. */
    private static final double GROWING = 1.25;
    /** The lowest latency has settled when it fell by no more than a tenth for {@link #SETTLE_TIME}. */
    private static final double SETTLED = 0.9;
    private static final long SETTLE_TIME_MS = 100;
    private static final long SETTLE_TIME = TimeUnit.MILLISECONDS.toNanos(SETTLE_TIME_MS);
    /** A latency backoff needs this many slow windows in a row. */
    private static final int SLOW_WINDOWS = 3;
    /** After slow start, each window whose answers kept their latency adds this part of the limit. */
    private static final double AVOIDANCE_GAIN = 0.125;
    private static final int STRAGGLER_FACTOR = 8;
    private static final long STRAGGLER_FLOOR = TimeUnit.SECONDS.toNanos(1);

    /** Runs a task after a delay, in nanoseconds. */
    interface Timer {
        void schedule(Runnable task, long delay);
    }
    private static final double LATENCY_TOLERANCE = 2;
    private static final long LATENCY_SLACK_MS = 5;
    private static final long LATENCY_SLACK = TimeUnit.MILLISECONDS.toNanos(LATENCY_SLACK_MS);

    /**
     * How the limit moved during a run, and the most requests that were in flight at once.
     *
     * @param start the limit at the start; with a fixed concurrency, the limit throughout
     */
    record Trace(Concurrency concurrency, int start, int peak, int end, int peakInFlight) {

        /** In words, for {@code --verbose}. */
        String describe() {
            String inFlight = "at most " + peakInFlight + (peakInFlight == 1 ? " request" : " requests") + " in flight";
            if (concurrency instanceof Concurrency.Fixed) {
                return "at concurrency " + concurrency + " (" + inFlight + ")";
            }
            return "at concurrency " + concurrency + ": the limit started at " + start + ", peaked at " + peak
                    + ", ended at " + end + " (" + inFlight + ")";
        }
    }

    private final Concurrency concurrency;
    private final LongSupplier nanoTime;
    private final Timer timer;
    private final Deque<Waiter> waiting = new ArrayDeque<>();
    /** The permits that count towards the limit, oldest first: none has become a straggler yet. */
    private final Set<Permit> counted = new LinkedHashSet<>();
    private final int start;

    private double limit;
    private int peak;
    /** Requests that count towards the limit. */
    private int inFlight;
    /** Requests not ended, stragglers included. */
    private int open;
    private int peakInFlight;
    private boolean sweepScheduled;
    private long granted;
    private boolean slowStart = true;
    private long lowestLatency = Long.MAX_VALUE;
    /** How far an answer may raise the limit. */
    private double ceiling;
    /** Permits numbered below this were granted before the limit last came down: their episode is over. */
    private long episodeStart;
    private long windowStart;
    /** The lowest latency when it last fell by more than {@link #SETTLED} allows, and when. */
    private long settledLowest = Long.MAX_VALUE;
    private long settledSince;
    private int slowWindowsInARow;
    /** The API said it was overloaded (a failure, a 429): from then on it is probed one request at a time. */
    private boolean overloaded;
    /** The ceiling the window before this one measured: a single slow window is a hiccup, not the API. */
    private double lastEstimate;
    /** The answers per nanosecond of the window before. */
    private double lastRate;
    private int windowSize;
    private int windowAnswers;
    private int windowSlow;
    private boolean windowUsed;

    /** A limiter on the system's clock, whose stragglers are looked for on Mutiny's worker pool. */
    static ConcurrencyLimiter of(Concurrency concurrency) {
        return new ConcurrencyLimiter(concurrency, System::nanoTime,
                (task, delay) -> Infrastructure.getDefaultWorkerPool().schedule(task, delay, TimeUnit.NANOSECONDS));
    }

    /**
     * @param nanoTime where the latency of each request is read
     * @param timer    when a request may have become a straggler, looks again
     */
    ConcurrencyLimiter(Concurrency concurrency, LongSupplier nanoTime, Timer timer) {
        this.concurrency = concurrency;
        this.nanoTime = nanoTime;
        this.timer = timer;
        this.start = concurrency instanceof Concurrency.Adaptive adaptive
                ? Math.min(INITIAL_LIMIT, adaptive.max())
                : concurrency.bound();
        this.limit = start;
        this.peak = start;
        this.ceiling = start;
        newWindow();
    }

    /** Completes with a permit as soon as one is free: at once while fewer requests than the limit are in flight. */
    Uni<Permit> permit() {
        return Uni.createFrom().deferred(() -> {
            Waiter waiter = new Waiter();
            return Uni.createFrom().<Permit> emitter(emitter -> {
                boolean now;
                synchronized (this) {
                    waiter.emitter = emitter;
                    now = waiting.isEmpty() && inFlight < currentLimit();
                    if (now) {
                        waiter.permit = grant();
                    } else {
                        waiting.add(waiter);
                    }
                }
                if (now) {
                    waiter.deliver();
                }
            }).onCancellation().invoke(() -> abandon(waiter));
        });
    }

    synchronized Trace trace() {
        return new Trace(concurrency, start, peak, currentLimit(), peakInFlight);
    }

    private int currentLimit() {
        return (int) limit;
    }

    /** Called with the lock held. */
    private Permit grant() {
        inFlight++;
        open++;
        peakInFlight = Math.max(peakInFlight, open);
        if (inFlight >= currentLimit()) {
            windowUsed = true;
        }
        Permit permit = new Permit(granted++, nanoTime.getAsLong());
        if (concurrency instanceof Concurrency.Adaptive) {
            counted.add(permit);
            scheduleSweep();
        }
        return permit;
    }

    /** Called with the lock held: waiting requests, as many as the limit now lets go. */
    private List<Waiter> grantWaiting() {
        List<Waiter> next = new ArrayList<>();
        while (!waiting.isEmpty() && inFlight < currentLimit()) {
            Waiter waiter = waiting.poll();
            waiter.permit = grant();
            next.add(waiter);
        }
        return next;
    }

    private long stragglerAfter() {
        return lowestLatency == Long.MAX_VALUE ? STRAGGLER_FLOOR
                : Math.max(STRAGGLER_FLOOR, STRAGGLER_FACTOR * lowestLatency);
    }

    /** Called with the lock held: looks for stragglers when the oldest counted request would become one. */
    private void scheduleSweep() {
        if (sweepScheduled || counted.isEmpty()) {
            return;
        }
        sweepScheduled = true;
        long due = counted.iterator().next().grantedAt + stragglerAfter() - nanoTime.getAsLong();
        timer.schedule(this::sweep, Math.max(0, due));
    }

    private void sweep() {
        List<Waiter> next;
        synchronized (this) {
            sweepScheduled = false;
            long now = nanoTime.getAsLong();
            for (Iterator<Permit> oldest = counted.iterator(); oldest.hasNext();) {
                Permit permit = oldest.next();
                if (now - permit.grantedAt < stragglerAfter()) {
                    break;
                }
                oldest.remove();
                permit.straggling = true;
                inFlight--;
            }
            next = grantWaiting();
            scheduleSweep();
        }
        next.forEach(Waiter::deliver);
    }

    /** A waiter cancelled (the run's deadline, Ctrl-C): out of the queue, or its permit back unused. */
    private void abandon(Waiter waiter) {
        synchronized (this) {
            if (waiter.permit == null) {
                waiting.remove(waiter);
                return;
            }
        }
        waiter.permit.end(null, true);
    }

    private void release(Permit permit, Throwable failure, boolean cancelled) {
        long latency = nanoTime.getAsLong() - permit.grantedAt;
        List<Waiter> next;
        synchronized (this) {
            open--;
            if (!permit.straggling) {
                inFlight--;
                counted.remove(permit);
            }
            if (concurrency instanceof Concurrency.Adaptive && !cancelled) {
                learn(permit, latency, failure);
            }
            next = grantWaiting();
        }
        // Outside the lock: what the permit starts is not the limiter's to wait for.
        next.forEach(Waiter::deliver);
    }

    private void learn(Permit permit, long latency, Throwable failure) {
        switch (signalOf(failure)) {
            case ANSWER -> answered(permit, latency);
            case OVERLOAD -> {
                if (permit.number >= episodeStart && !permit.straggling) {
                    decrease(true);
                }
            }
            case NONE -> {
                // A TLS failure, an unknown host: nothing about the load.
            }
        }
    }

    private void answered(Permit permit, long latency) {
        lowestLatency = Math.min(lowestLatency, latency);
        if (permit.number < episodeStart) {
            // Sent at the limit that was too high: its latency tells of that limit, not of this one.
            return;
        }
        boolean slow = latency > lowestLatency * LATENCY_TOLERANCE && latency - lowestLatency > LATENCY_SLACK;
        windowAnswers++;
        if (slow) {
            windowSlow++;
        } else if (slowStart && windowUsed) {
            increase(1);
        }
        if (windowAnswers < windowSize) {
            return;
        }
        raiseCeiling();
        slowWindowsInARow = windowSlow * 2 > windowAnswers ? slowWindowsInARow + 1 : 0;
        if (slowWindowsInARow >= SLOW_WINDOWS) {
            decrease(false);
            return;
        }
        if (!slowStart && windowUsed && slowWindowsInARow == 0) {
            increase(overloaded ? 1 : Math.max(1, limit * AVOIDANCE_GAIN));
        }
        newWindow();
    }

    /**
     * At the end of a window: twice (or the startup gain) the answers the API gave in the lowest latency at this
     * window's rate, or the window before's if that was more, at least the start, at most the bound. Not until the
     * lowest latency has settled (for the settle time, or two lowest latencies if longer): before, a young JVM is
     * warming up, its own slowness sets every latency, and the product would stand for concurrency the API never
     * showed.
     */
    private void raiseCeiling() {
        long now = nanoTime.getAsLong();
        double rate = windowAnswers / (double) Math.max(1, now - windowStart);
        boolean growing = rate > lastRate * GROWING;
        lastRate = rate;
        if (lowestLatency < settledLowest * SETTLED) {
            settledLowest = lowestLatency;
            settledSince = now;
            return;
        }
        if (now - settledSince < Math.max(SETTLE_TIME, 2 * lowestLatency)) {
            return;
        }
        // The startup gain only while the answers come faster and faster: a server that answers one at a time
        // answers no faster for more in flight, and more than twice its own would overflow its queue.
        double gain = slowStart && growing ? STARTUP_GAIN : CEILING_GAIN;
        double estimate = gain * rate * lowestLatency;
        ceiling = Math.min(concurrency.bound(), Math.max(start, Math.max(estimate, lastEstimate)));
        lastEstimate = estimate;
    }

    private void increase(double step) {
        // Above the ceiling it stays where it is: only a decrease takes it down.
        limit = Math.max(limit, Math.min(limit + step, ceiling));
        peak = Math.max(peak, currentLimit());
    }

    /**
     * Multiplies the limit by the backoff: down to 1 on an overload (a failure, a 429), down to the start on latency
     * alone, which at or below the start is the API's own queue, not ours.
     */
    private void decrease(boolean overload) {
        double lowered = Math.max(overload ? 1 : Math.min(start, limit), limit * BACKOFF);
        overloaded |= overload;
        if (overload || lowered < limit) {
            limit = lowered;
            slowStart = false;
            episodeStart = granted;
        }
        slowWindowsInARow = 0;
        newWindow();
    }

    private void newWindow() {
        windowStart = nanoTime.getAsLong();
        windowSize = currentLimit();
        windowAnswers = 0;
        windowSlow = 0;
        windowUsed = inFlight >= currentLimit();
    }

    private enum Signal {
        ANSWER, OVERLOAD, NONE
    }

    private static Signal signalOf(Throwable failure) {
        if (failure == null) {
            return Signal.ANSWER;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof WebApplicationException web) {
                int status = web.getResponse().getStatus();
                return status == 429 || status == 503 ? Signal.OVERLOAD : Signal.ANSWER;
            }
        }
        if (FailureReasons.isTransient(failure)) {
            return Signal.OVERLOAD;
        }
        return FailureReasons.isAnswer(failure) ? Signal.ANSWER : Signal.NONE;
    }

    /** One request's place among those in flight. */
    final class Permit {
        private final long number;
        private final long grantedAt;
        private boolean ended;
        /** Gave its place up, unanswered for too long; the limiter's, under its lock. */
        private boolean straggling;

        private Permit(long number, long grantedAt) {
            this.number = number;
            this.grantedAt = grantedAt;
        }

        /**
         * The request ended: answered (no failure), failed, or cancelled (which says nothing of the API). Once:
         * a second call does nothing.
         */
        void end(Throwable failure, boolean cancelled) {
            synchronized (this) {
                if (ended) {
                    return;
                }
                ended = true;
            }
            release(this, failure, cancelled);
        }
    }

    /** A request waiting for its permit; the fields are the limiter's, under its lock. */
    private static final class Waiter {
        private UniEmitter<? super Permit> emitter;
        private Permit permit;

        void deliver() {
            emitter.complete(permit);
        }
    }
}
