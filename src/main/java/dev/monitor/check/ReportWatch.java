package dev.monitor.check;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.monitor.analysis.Report;
import dev.monitor.analysis.Thresholds;
import dev.monitor.analysis.Verdict;
import dev.monitor.console.ReportOutput;
import dev.monitor.console.WatchScreen;
import dev.monitor.fetch.ClusterUnavailableException;
import dev.monitor.fetch.Diagnostics;
import dev.monitor.fetch.ReadRequest;
import dev.monitor.render.LiveView;
import dev.monitor.render.Section;
import dev.monitor.render.Unavailable;

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

    /**
     * @param breachesFor      {@code --for}: each tick that fetched afresh counts towards it
     * @param unreachableState the verdict of a tick without data
     */
    public int run(Duration interval, ReadRequest request, Thresholds thresholds, int breachesFor,
            Verdict unreachableState, Set<Section> sections, ReportOutput output, Diagnostics diagnostics) {
        ReadRequest fresh = new ReadRequest(request.endpoint(), request.snapshotFile(), request.fetch(),
                request.maxAge(), request.maxStale(), true);
        WatchScreen screen = WatchScreen.of(output, sections, null, interval);
        return Watch.run(interval, first -> {
            try {
                Report report = check.run(fresh, thresholds, breachesFor, diagnostics);
                screen.show(new LiveView.Tick(Instant.now(), output.ordered(report)));
            } catch (ClusterUnavailableException e) {
                diagnostics.warning(e.getMessage() + "; trying again in " + interval.toSeconds() + "s");
                screen.unavailable(new Unavailable(request.endpoint(), thresholds, unreachableState, e.getMessage()));
            }
            return null;
        }, screen);
    }
}
