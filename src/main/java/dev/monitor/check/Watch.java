package dev.monitor.check;

import java.time.Duration;

import dev.monitor.console.Interruption;
import dev.monitor.console.WatchScreen;

/**
 * The loop of a watch: one tick, then another every interval, until Ctrl-C (or SIGTERM), which is the normal
 * way out and so exits 0. The screen is closed on the way out, whatever happened, so a live view always
 * gives the terminal back with its cursor.
 */
public final class Watch {

    /** No watch may ask the API more often than this, whatever the user typed. */
    public static final Duration MINIMUM_INTERVAL = Duration.ofSeconds(1);

    /** One tick: fetch, analyse, show. Returns an exit code to stop the watch with, or null to go on. */
    @FunctionalInterface
    interface Tick {
        Integer run(boolean first);
    }

    private Watch() {
    }

    static int run(Duration interval, Tick tick, WatchScreen screen) {
        // A signal cuts a tick short too: a server that hangs must not hold the end for a timeout or two.
        try (Interruption interruption = Interruption.ofWatch(); screen) {
            try {
                for (boolean first = true; !interruption.signalled(); first = false) {
                    Integer exit = tick.run(first);
                    if (exit != null) {
                        return exit;
                    }
                    Thread.sleep(interval);
                }
                return interruption.end();
            } catch (InterruptedException e) {
                return interruption.end();
            } catch (RuntimeException e) {
                // The interrupted tick's fetch fails on its way out: the end was asked for, and that is all it means.
                if (!interruption.signalled()) {
                    throw e;
                }
                return interruption.end();
            }
        }
    }
}
