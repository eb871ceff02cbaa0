package dev.monitor.check;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.monitor.analysis.Report;
import dev.monitor.analysis.Unavailable;
import dev.monitor.console.ReportOutput;
import dev.monitor.console.WatchScreen;
import dev.monitor.fetch.Diagnostics;
import dev.monitor.render.LiveView;
import dev.monitor.render.Section;

/**
 * {@code --watch SECONDS}: the whole report, fetched afresh every interval and shown, until Ctrl-C. When a
 * fetch fails the saved snapshot stands in while {@code --max-stale} allows, marked stale, as in a single run;
 * after that a tick reports the API unavailable, with the {@code --unreachable-state} a single run would give.
 */
@ApplicationScoped
public class ReportWatch {

    private final ClusterCheck check;

    public ReportWatch(ClusterCheck check) {
        this.check = check;
    }

    /** @param request each tick fetches afresh, and counts towards its {@code --for} */
    public int run(Duration interval, ClusterCheck.Request request, Set<Section> sections, ReportOutput output,
            Diagnostics diagnostics) {
        ClusterCheck.Request fresh = new ClusterCheck.Request(request.read().withRefresh(true), request.thresholds(),
                request.breachesFor(), request.unreachableState());
        WatchScreen screen = WatchScreen.of(output, sections, null, interval);
        return Watch.run(interval, first -> {
            switch (check.run(fresh, diagnostics)) {
                case Report report -> screen.show(new LiveView.Tick(Instant.now(), output.ordered(report)));
                case Unavailable unavailable -> {
                    diagnostics.warning(unavailable.reason() + "; trying again in " + interval.toSeconds() + "s");
                    screen.unavailable(unavailable);
                }
            }
            return null;
        }, screen);
    }
}
