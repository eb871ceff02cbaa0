package dev.monitor.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.ws.rs.WebApplicationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.smallrye.mutiny.subscription.Cancellable;

/**
 * The limiter driven by servers simulated on a clock of its own: each request gets an answer time (and maybe a
 * failure) from a model of a server, the clock jumps to the next answer, and the limiter hears of it. No sleeps,
 * no sockets: what is tested is how the limit moves, request by request.
 */
class ConcurrencyLimiterTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final AtomicLong now = new AtomicLong();

    /** A task the limiter asked to run at a time on the simulated clock. */
    private record Timed(long at, Runnable task) {
    }

    private final PriorityQueue<Timed> timers = new PriorityQueue<>(Comparator.comparingLong(Timed::at));

    /** A server as the simulation sees it: when the request sent now, with others in flight, ends, and how. */
    private interface Server {
        Reply reply(long sentAt, int inFlight);
    }

    /** @param failure null for an answer */
    private record Reply(long endsAt, Throwable failure) {
    }

    /** Answers every request after the same delay, however many are in flight: a cluster behind a network. */
    private static Server parallel(long latency) {
        return (sentAt, inFlight) -> new Reply(sentAt + latency, null);
    }

    /** Answers one request at a time, each in {@code service}: Python's http.server. */
    private static Server oneAtATime(long service) {
        long[] freeAt = { 0 };
        return (sentAt, inFlight) -> {
            freeAt[0] = Math.max(freeAt[0], sentAt) + service;
            return new Reply(freeAt[0], null);
        };
    }

    /** Fails every request at once with the failure. */
    private static Server failing(Throwable failure) {
        return (sentAt, inFlight) -> new Reply(sentAt + MS, failure);
    }

    private static WebApplicationException status(int status) {
        return new WebApplicationException(status);
    }

    /** What one run of requests did; {@code lastAnswerAt} on the simulated clock. */
    private record Run(int mostInFlight, int failures, long lastAnswerAt) {
    }

    /** Sends that many requests through the limiter, all asking for a permit at once, as the fan-out does. */
    private Run run(ConcurrencyLimiter limiter, int requests, Server server) {
        record Sent(ConcurrencyLimiter.Permit permit, Reply reply) {
        }
        PriorityQueue<Sent> pending = new PriorityQueue<>(Comparator.comparingLong(sent -> sent.reply().endsAt()));
        int[] inFlight = { 0 };
        int[] most = { 0 };
        int sent = 0;
        int failures = 0;
        long lastAnswerAt = 0;
        for (int i = 0; i < requests; i++) {
            limiter.permit().subscribe().with(permit -> {
                inFlight[0]++;
                most[0] = Math.max(most[0], inFlight[0]);
                pending.add(new Sent(permit, server.reply(now.get(), inFlight[0])));
            });
        }
        while (!pending.isEmpty()) {
            if (!timers.isEmpty() && timers.peek().at() <= pending.peek().reply().endsAt()) {
                Timed timed = timers.poll();
                now.set(Math.max(now.get(), timed.at()));
                timed.task().run();
                continue;
            }
            Sent next = pending.poll();
            sent++;
            now.set(Math.max(now.get(), next.reply().endsAt()));
            inFlight[0]--;
            if (next.reply().failure() != null) {
                failures++;
            } else {
                lastAnswerAt = now.get();
            }
            // Ending it lets waiting requests go: they join the pending ones.
            next.permit().end(next.reply().failure(), false);
        }
        assertThat(sent).as("every request got its permit").isEqualTo(requests);
        return new Run(most[0], failures, lastAnswerAt);
    }

    private ConcurrencyLimiter limiter(Concurrency concurrency) {
        return new ConcurrencyLimiter(concurrency, now::get,
                (task, delay) -> timers.add(new Timed(now.get() + delay, task)));
    }

    private ConcurrencyLimiter adaptive(int max) {
        return limiter(new Concurrency.Adaptive(max));
    }

    @Test
    void startsWithAFewInFlightAndGrowsWhileAnswersKeepTheirLatency() {
        ConcurrencyLimiter limiter = adaptive(256);

        Run run = run(limiter, 2000, parallel(20 * MS));

        ConcurrencyLimiter.Trace trace = limiter.trace();
        assertThat(trace.start()).isEqualTo(ConcurrencyLimiter.INITIAL_LIMIT);
        assertThat(trace.peak()).as("hundreds in flight behind 20 ms").isEqualTo(256);
        assertThat(run.mostInFlight()).isEqualTo(256);
    }

    @Test
    void theFirstRequestsAreOnlyAFew() {
        ConcurrencyLimiter limiter = adaptive(256);
        List<CompletableFuture<ConcurrencyLimiter.Permit>> asked = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            asked.add(limiter.permit().subscribeAsCompletionStage());
        }

        assertThat(asked.stream().filter(CompletableFuture::isDone)).hasSize(ConcurrencyLimiter.INITIAL_LIMIT);
    }

    @Test
    void neverGoesAboveTheBound() {
        ConcurrencyLimiter limiter = adaptive(10);

        Run run = run(limiter, 1000, parallel(20 * MS));

        assertThat(run.mostInFlight()).isEqualTo(10);
        assertThat(limiter.trace().peak()).isEqualTo(10);
    }

    @Test
    void aServerAnsweringOneRequestAtATimeNeverHasMoreThanTheStartInFlight() {
        ConcurrencyLimiter limiter = adaptive(256);

        // Each answer in 0.2 ms: well within the latency the limiter tolerates, so only the ceiling holds it back.
        Run run = run(limiter, 1000, oneAtATime(MS / 5));

        assertThat(run.mostInFlight()).isEqualTo(ConcurrencyLimiter.INITIAL_LIMIT);
        assertThat(limiter.trace().peak()).isEqualTo(ConcurrencyLimiter.INITIAL_LIMIT);
    }

    @Test
    void whileTheLowestLatencyKeepsFallingTheLimitStaysAtTheStart() {
        ConcurrencyLimiter limiter = adaptive(256);
        // Every latency halves each 20 ms, as a young JVM's own does while it compiles: 40 ms, 10 ms, 7 ms for
        // the first three windows of 4, each a quarter or more below the one before.
        Server warmingUp = (sentAt, inFlight) -> new Reply(
                sentAt + (long) (40 * MS * Math.pow(0.5, sentAt / (20.0 * MS))), null);

        Run run = run(limiter, 12, warmingUp);

        assertThat(run.mostInFlight()).isEqualTo(ConcurrencyLimiter.INITIAL_LIMIT);
    }

    @Test
    void aHiccupOfTheClientsOwnNeitherEndsSlowStartNorHoldsItBack() {
        ConcurrencyLimiter limiter = adaptive(256);
        // Behind 20 ms; the client pauses for 60 ms (a collection, a compilation) while the limit is still small:
        // the answers that come meanwhile are read only when it ends.
        Server hiccup = (sentAt, inFlight) -> {
            long endsAt = sentAt + 20 * MS;
            return new Reply(endsAt >= 150 * MS && endsAt < 210 * MS ? 210 * MS : endsAt, null);
        };

        Run run = run(limiter, 10_000, hiccup);

        assertThat(limiter.trace().peak()).isEqualTo(256);
        // 10,000 at 256 behind 20 ms take 40 round trips, 800 ms, and the hiccup 50 more; the climb from 4 to 256
        // adds about 15 (one more a round trip after the hiccup would add hundreds).
        assertThat(run.lastAnswerAt()).isLessThan(1200 * MS);
    }

    @Test
    void afterABackoffItClimbsBackInAFewRoundTrips() {
        ConcurrencyLimiter limiter = adaptive(256);
        run(limiter, 3000, parallel(20 * MS));
        // A slow spell: every answer takes five times as long, round trip after round trip.
        run(limiter, 1000, parallel(100 * MS));
        int after = limiter.trace().end();

        run(limiter, 3000, parallel(20 * MS));

        assertThat(after).as("it backed off").isLessThan(256);
        // One more a round trip would take a hundred round trips to get back; 3,000 answers are a dozen.
        assertThat(limiter.trace().end()).isEqualTo(256);
    }

    @Test
    void anApiThatSaidItWasOverloadedIsProbedOneMoreARoundTrip() {
        ConcurrencyLimiter limiter = adaptive(256);
        run(limiter, 1, failing(status(429)));

        run(limiter, 1000, parallel(20 * MS));

        // One more a window of answers: 1,000 answers are about 45 windows, 2 + 3 + ... + 45. By an eighth of the
        // limit a window, it would be at the bound.
        assertThat(limiter.trace().end()).isBetween(30, 60);
    }

    @Test
    void latencyAloneNeverTakesItBelowTheStart() {
        ConcurrencyLimiter limiter = adaptive(256);
        // One at a time, 5 ms an answer: 4 in flight wait 20 ms, more than twice the 5 ms of one alone, and 5 ms
        // more. That queue is the server's own, and harmless; below it, the server may wait for each next request.
        long[] freeAt = { 0 };
        List<Integer> inFlightWhenSent = new ArrayList<>();
        Server server = (sentAt, inFlight) -> {
            inFlightWhenSent.add(inFlight);
            freeAt[0] = Math.max(freeAt[0], sentAt) + 5 * MS;
            return new Reply(freeAt[0], null);
        };

        run(limiter, 1000, server);

        // Each request after the first 4 is sent as one ends: with the others still in flight, 4 in all.
        assertThat(inFlightWhenSent.subList(ConcurrencyLimiter.INITIAL_LIMIT, 1000))
                .allSatisfy(inFlight -> assertThat(inFlight).isEqualTo(ConcurrencyLimiter.INITIAL_LIMIT));
    }

    @Test
    void whileAYoungClientIsSlowerThanAServerAnsweringOneAtATimeItDoesNotOverflowTheServersQueue() {
        ConcurrencyLimiter limiter = adaptive(256);
        // The server answers one request at a time in a millisecond. The client's own share of each request falls
        // from 12 ms to 1 ms over its first 300 ms, less than a quarter from one round trip to the next, as a young
        // JVM compiles: meanwhile the server keeps up with a dozen in flight, and later holds a queue of them.
        long[] freeAt = { 0 };
        Server warmingClient = (sentAt, inFlight) -> {
            long own = MS + (long) (11 * MS * Math.pow(0.5, sentAt / (60.0 * MS)));
            freeAt[0] = Math.max(freeAt[0], sentAt + own / 2) + MS;
            return new Reply(freeAt[0] + own / 2, null);
        };

        Run run = run(limiter, 1000, warmingClient);

        // Python's http.server: a listen backlog of 5, one more accepted, one being answered.
        assertThat(run.mostInFlight()).isLessThanOrEqualTo(7);
    }

    @Test
    void backsOffWhenLatencyClimbs() {
        ConcurrencyLimiter limiter = adaptive(256);
        // A server whose queue builds above 16 in flight: its latency climbs fivefold.
        Server queueing = (sentAt, inFlight) -> new Reply(sentAt + (inFlight <= 16 ? 20 : 100) * MS, null);

        Run run = run(limiter, 3000, queueing);

        ConcurrencyLimiter.Trace trace = limiter.trace();
        assertThat(trace.peak()).as("it probed past the queue").isGreaterThan(16);
        assertThat(trace.end()).as("and came back below it").isLessThanOrEqualTo(16);
        assertThat(run.mostInFlight()).isLessThan(64);
    }

    @Test
    void aRefusedConnectionTakesTheLimitDownOnceForTheRequestsAlreadySent() {
        ConcurrencyLimiter limiter = adaptive(256);
        run(limiter, 300, parallel(20 * MS));
        int before = limiter.trace().end();
        List<ConcurrencyLimiter.Permit> sent = new ArrayList<>();
        for (int i = 0; i < before; i++) {
            limiter.permit().subscribe().with(sent::add);
        }

        // Every request in flight is refused: one episode.
        sent.forEach(permit -> permit.end(new ConnectException("Connection refused"), false));

        // Once: the limit, a fraction of a request above what the trace shows, times the backoff.
        assertThat(limiter.trace().end()).isBetween((int) (before * ConcurrencyLimiter.BACKOFF),
                (int) ((before + 1) * ConcurrencyLimiter.BACKOFF));
    }

    @Test
    void refusalAfterRefusalTakesItDownToOneAndNeverBelow() {
        ConcurrencyLimiter limiter = adaptive(256);
        run(limiter, 300, parallel(20 * MS));

        // Each round trip of refusals is one episode, and takes the limit down once.
        Run refused = run(limiter, 1000, failing(new ConnectException("Connection refused")));

        assertThat(refused.failures()).isEqualTo(1000);
        assertThat(limiter.trace().end()).isEqualTo(1);
        assertThat(limiter.permit().subscribeAsCompletionStage()).as("one request may still go").isDone();
    }

    @Test
    void recoversOnceTheApiAnswersAgain() {
        ConcurrencyLimiter limiter = adaptive(256);
        run(limiter, 300, parallel(20 * MS));
        run(limiter, 1000, failing(new ConnectException("Connection refused")));

        run(limiter, 500, parallel(20 * MS));

        assertThat(limiter.trace().end()).as("one more each round of good answers").isGreaterThan(10);
    }

    @ParameterizedTest
    @ValueSource(ints = { 429, 503 })
    void anApiAskingToSlowDownTakesTheLimitDown(int code) {
        ConcurrencyLimiter limiter = adaptive(256);
        run(limiter, 300, parallel(20 * MS));
        int before = limiter.trace().end();

        run(limiter, 1, failing(status(code)));

        assertThat(limiter.trace().end()).isLessThan(before);
    }

    @Test
    void aTimeoutTakesTheLimitDown() {
        ConcurrencyLimiter limiter = adaptive(256);
        run(limiter, 300, parallel(20 * MS));
        int before = limiter.trace().end();

        run(limiter, 1, failing(new DeadlineExceededException(Duration.ofSeconds(5))));

        assertThat(limiter.trace().end()).isLessThan(before);
    }

    @Test
    void hungServersGiveTheirPlacesUpAndTheirTimeoutsLeaveTheLimitAlone() {
        ConcurrencyLimiter limiter = adaptive(256);
        // The first 4 requests hang until their 5 s deadline; the others are answered in a millisecond.
        int[] sent = { 0 };
        Server fourHung = (sentAt, inFlight) -> ++sent[0] <= 4
                ? new Reply(sentAt + 5000 * MS, new DeadlineExceededException(Duration.ofSeconds(5)))
                : new Reply(sentAt + MS, null);

        Run run = run(limiter, 100, fourHung);

        assertThat(run.failures()).isEqualTo(4);
        assertThat(run.lastAnswerAt()).as("the others answered while the 4 hung").isLessThan(2000 * MS);
        assertThat(limiter.trace().end()).as("never came down").isEqualTo(limiter.trace().peak());
    }

    @Test
    void aServerErrorIsAnAnswerAndLeavesTheLimitAlone() {
        ConcurrencyLimiter limiter = adaptive(256);
        run(limiter, 300, parallel(20 * MS));
        int before = limiter.trace().end();

        run(limiter, 1, failing(status(500)));

        assertThat(limiter.trace().end()).isEqualTo(before);
    }

    @Test
    void anApiAnsweringTooManyAbove16SettlesNearIt() {
        ConcurrencyLimiter limiter = adaptive(256);
        // Answers in 20 ms; above 16 in flight, 429 at once.
        Server limited = (sentAt, inFlight) -> inFlight > 16 ? new Reply(sentAt + MS / 10, status(429))
                : new Reply(sentAt + 20 * MS, null);

        Run run = run(limiter, 3000, limited);

        assertThat(run.failures()).as("a few probes past 16, not a storm").isLessThan(3000 / 20);
        assertThat(limiter.trace().end()).isBetween(8, 17);
    }

    @Test
    void requestsOneAtATimeTeachItNothing() {
        ConcurrencyLimiter limiter = adaptive(256);

        for (int i = 0; i < 100; i++) {
            run(limiter, 1, parallel(20 * MS));
        }

        assertThat(limiter.trace().peak()).as("a limit never used is never raised")
                .isEqualTo(ConcurrencyLimiter.INITIAL_LIMIT);
    }

    @Test
    void aFixedLimitNeverMoves() {
        ConcurrencyLimiter limiter = limiter(new Concurrency.Fixed(8));

        Run good = run(limiter, 500, parallel(20 * MS));
        run(limiter, 100, failing(status(429)));

        assertThat(good.mostInFlight()).isEqualTo(8);
        assertThat(limiter.trace()).extracting(ConcurrencyLimiter.Trace::start, ConcurrencyLimiter.Trace::peak,
                ConcurrencyLimiter.Trace::end).containsExactly(8, 8, 8);
    }

    @Test
    void aRequestCancelledWhileWaitingTakesNoPermit() {
        ConcurrencyLimiter limiter = limiter(new Concurrency.Fixed(1));
        ConcurrencyLimiter.Permit first = limiter.permit().await().indefinitely();
        Cancellable cancelled = limiter.permit().subscribe().with(permit -> {
            throw new AssertionError("a cancelled request was given a permit");
        });
        CompletableFuture<ConcurrencyLimiter.Permit> next = limiter.permit().subscribeAsCompletionStage();

        cancelled.cancel();
        first.end(null, false);

        assertThat(next).isDone();
        assertThat(limiter.trace().peakInFlight()).isEqualTo(1);
    }
}
