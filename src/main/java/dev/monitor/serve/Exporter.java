package dev.monitor.serve;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import dev.monitor.analysis.Durations;
import dev.monitor.analysis.Outcome;
import dev.monitor.analysis.Report;
import dev.monitor.analysis.Unavailable;
import dev.monitor.analysis.Verdict;
import dev.monitor.check.ClusterCheck;
import dev.monitor.console.Interruption;
import dev.monitor.fetch.Diagnostics;
import dev.monitor.render.PrometheusRenderer;
import dev.monitor.serve.MetricsServer.CannotListenException;
import io.vertx.core.Vertx;

/**
 * {@code monitor serve}: the cluster checked every interval in the background, as {@code --watch} checks it (the same
 * {@link ClusterCheck}: each fetch fresh, judged with {@code --for} and added to the verdict history), and the last
 * complete check answered to every scrape, whoever scrapes and however often. So several Prometheus servers add no
 * load on the cluster API, and at most one fetch runs at a time: the next starts an interval after this one started,
 * or when it ends, if it took longer.
 * <p>
 * When the API cannot be read, the last figures stay, with {@code monitor_up 0} and their age: stale while
 * {@code --max-stale} allows, then with {@code --unreachable-state}'s verdict. A scrape is never emptied by an outage,
 * which would take the shard's servers out of Prometheus' sums. Ctrl-C or SIGTERM ends it with 0: the fetch in flight
 * is abandoned, the port closed.
 */
@ApplicationScoped
public class Exporter {

    /**
     * @param check    each fetch's request: fresh every time
     * @param interval from the start of one fetch to the start of the next, at least
     */
    public record Settings(ClusterCheck.Request check, ListenAddress listen, Duration interval,
            PrometheusRenderer renderer) {
    }

    private final ClusterCheck check;
    private final Vertx vertx;

    public Exporter(ClusterCheck check, Vertx vertx) {
        this.check = check;
        this.vertx = vertx;
    }

    /**
     * Serves until Ctrl-C or SIGTERM.
     *
     * @param serving told where scrapes are answered, once the port is open
     * @return 0 when ended by a signal; UNKNOWN (3) when the port cannot be opened, said in one line
     */
    public int run(Settings settings, Diagnostics diagnostics, Consumer<ListenAddress> serving) {
        MetricsServer server = null;
        try {
            // Taken over before the port opens: a signal the moment it answers already ends the run as it should.
            try (Interruption interruption = Interruption.ofWatch()) {
                server = MetricsServer.start(vertx, settings.listen());
                serving.accept(server.address());
                repeat(settings, server, interruption, diagnostics);
                return interruption.end();
            }
        } catch (CannotListenException e) {
            diagnostics.error(e.getMessage());
            return Verdict.UNKNOWN.exitCode();
        } finally {
            // Once the signals are given back: a run still busy a moment after one is ended at once, port and all.
            if (server != null) {
                server.close();
            }
        }
    }

    /** What to say of a check that got no fresh data, and what is shown instead; null for one that did. */
    private static String warning(Outcome outcome, Report last, Outcome shown, Duration interval) {
        String instead = last == null ? "no figures to show"
                : "showing the figures fetched at " + last.snapshot().fetchedAt().truncatedTo(ChronoUnit.SECONDS);
        String why = switch (outcome) {
            case Report report when report.stale() == null -> null;
            case Report report -> report.stale() + "; " + instead + ", stale";
            case Unavailable unavailable -> unavailable.reason() + "; " + instead
                    + (last == null ? "" : ", older than --max-stale");
        };
        return why == null ? null : why + " (" + shown.verdict() + "), trying again every " + Durations.exact(interval);
    }

    /** Checks and publishes until a signal ends it, or whatever owns the thread interrupts it. */
    private void repeat(Settings settings, MetricsServer server, Interruption interruption,
            Diagnostics diagnostics) {
        Report last = null;
        String said = null;
        try {
            while (!interruption.signalled() && !Thread.currentThread().isInterrupted()) {
                long started = System.nanoTime();
                Outcome outcome = check.run(settings.check(), diagnostics);
                if (outcome instanceof Report report) {
                    last = report;
                }
                Outcome shown = outcome instanceof Unavailable unavailable && last != null
                        ? last.standingIn(unavailable, Instant.now()) : outcome;
                server.publish(settings.renderer().expositions(shown));
                String warning = warning(outcome, last, shown, settings.interval());
                if (warning != null && !warning.equals(said)) {
                    // Once, not once per fetch: with --interval 1s an outage would flood the log.
                    diagnostics.warning(warning);
                }
                said = warning;
                // What the fetch allocated is garbage now. Collected here, while nothing waits on it; else the serial
                // collector promotes it and grows the old generation toward -Xmx instead of collecting it (RSS went
                // from 164 to 698 MiB over 100 fetches of 10,000 servers); 30 to 110 ms for them, once an interval.
                System.gc();
                long left = settings.interval().toNanos() - (System.nanoTime() - started);
                if (left > 0) {
                    TimeUnit.NANOSECONDS.sleep(left);
                }
            }
        } catch (InterruptedException e) {
            // Ended while waiting for the next fetch.
        } catch (RuntimeException e) {
            // The fetch in flight, abandoned on its way out (its wait leaves the interrupt set): the end was asked
            // for, and that is all it means.
            if (!interruption.signalled() && !Thread.currentThread().isInterrupted()) {
                throw e;
            }
        }
        // Done with: left set, it would fail the waits of the application's shutdown that comes next.
        Thread.interrupted();
    }
}
