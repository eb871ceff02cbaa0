package dev.monitor.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.monitor.analysis.Verdict;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The loop of a watch: one tick, then another every interval, until Ctrl-C (or SIGTERM), which is the normal
 * way out and so exits 0. The screen is closed on the way out, whatever happened, so a live view always
 * gives the terminal back with its cursor.
 */
final class Watch {

    /** No watch may ask the API more often than this, whatever the user typed. */
    static final Duration MINIMUM_INTERVAL = Duration.ofSeconds(1);

    /** One tick: fetch, analyse, show. Returns an exit code to stop the watch with, or null to go on. */
    @FunctionalInterface
    interface Tick {
        Integer run(boolean first);
    }

    private Watch() {
    }

    static int run(Duration interval, Tick tick, WatchScreen screen) {
        CountDownLatch stop = new CountDownLatch(1);
        SignalHandler previousInt = Signal.handle(new Signal("INT"), signal -> stop.countDown());
        SignalHandler previousTerm = Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        try (screen) {
            boolean first = true;
            do {
                Integer exit = tick.run(first);
                if (exit != null) {
                    return exit;
                }
                first = false;
            } while (!stop.await(interval.toMillis(), TimeUnit.MILLISECONDS));
            return Verdict.OK.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.OK.exitCode();
        } finally {
            Signal.handle(new Signal("INT"), previousInt);
            Signal.handle(new Signal("TERM"), previousTerm);
        }
    }
}
