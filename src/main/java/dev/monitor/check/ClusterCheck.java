package dev.monitor.check;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.monitor.analysis.Analyzer;
import dev.monitor.analysis.BreachStreaks;
import dev.monitor.analysis.Outcome;
import dev.monitor.analysis.Report;
import dev.monitor.analysis.Thresholds;
import dev.monitor.analysis.Unavailable;
import dev.monitor.analysis.Verdict;
import dev.monitor.fetch.ClusterReader;
import dev.monitor.fetch.ClusterUnavailableException;
import dev.monitor.fetch.Diagnostics;
import dev.monitor.fetch.ReadRequest;
import dev.monitor.fetch.Reading;
import dev.monitor.files.ClockSkew;
import dev.monitor.files.FileFailures;
import dev.monitor.history.HistoryRepository;
import dev.monitor.history.PastFetch;
import dev.monitor.history.UnreadableHistoryException;
import dev.monitor.history.VerdictHistory;

/**
 * One check of the cluster, as a single run and each tick of {@code --watch} make it: the data read (saved or
 * fetched), analysed, judged with {@code --for} against the endpoint's verdict history, and, when it was
 * fetched just now, added to that history. Data from the snapshot (young enough, or standing in stale) was
 * counted when it was fetched, so it is judged as it was then and not counted again. No data at all is an
 * outcome too, judged here with {@code --unreachable-state}.
 */
@ApplicationScoped
public class ClusterCheck {

    /**
     * What one check needs.
     *
     * @param breachesFor      {@code --for}: the fresh fetches in a row below the minimum it takes to be CRITICAL
     * @param unreachableState the verdict when the API cannot be read and no snapshot stands in
     */
    public record Request(ReadRequest read, Thresholds thresholds, int breachesFor, Verdict unreachableState) {
    }

    private final ClusterReader reader;
    private final Analyzer analyzer;
    private final HistoryRepository histories;

    public ClusterCheck(ClusterReader reader, Analyzer analyzer, HistoryRepository histories) {
        this.reader = reader;
        this.analyzer = analyzer;
        this.histories = histories;
    }

    /** The report of the data read, or, when the API cannot be read and no snapshot stands in, its unavailability. */
    public Outcome run(Request request, Diagnostics diagnostics) {
        Reading reading;
        try {
            reading = reader.read(request.read(), diagnostics);
        } catch (ClusterUnavailableException e) {
            return Unavailable.of(request.read().endpoint(), request.read().fetch().shard(), request.thresholds(),
                    request.unreachableState(), e.getMessage());
        }
        return judge(reading, request.read(), request.thresholds(), request.breachesFor(), diagnostics);
    }

    private Report judge(Reading reading, ReadRequest request, Thresholds thresholds, int breachesFor,
            Diagnostics diagnostics) {
        Instant now = Instant.now();
        if (reading.fromCache() && breachesFor <= 1) {
            // nothing to judge with the history, nothing to add to it
            return analyzer.analyze(reading.snapshot(), thresholds, BreachStreaks.AT_ONCE, now, reading.stale());
        }
        Optional<VerdictHistory> past = readHistory(request.snapshotFile(), request.endpoint(), now, diagnostics);
        VerdictHistory history = past.orElseGet(() -> VerdictHistory.empty(request.endpoint()));
        // Holding a breach back on a history that cannot be read or kept would hold it back for ever: a gate that
        // never turns CRITICAL. Without its history, --for judges at once.
        // Fresh data follows every fetch the history holds, whatever their times say; saved data is judged as the
        // fetch that made it was.
        BreachStreaks streaks = past.isPresent()
                ? new BreachStreaks(breachesFor, history.streaksBefore(
                        reading.fromCache() ? reading.snapshot().fetchedAt() : Instant.MAX))
                : BreachStreaks.AT_ONCE;
        Report report = analyzer.analyze(reading.snapshot(), thresholds, streaks, now, reading.stale());
        boolean kept = reading.fromCache()
                || save(request, history.with(PastFetch.of(report)), past.isEmpty(), diagnostics);
        if (breachesFor > 1 && (past.isEmpty() || !kept)) {
            diagnostics.warning("--for " + breachesFor + " needs the verdict history; this run is judged as with --for 1");
            // Only writing tells that the history cannot be kept, and the write needs the report: one that counted
            // on the history is made again, at once.
            return past.isPresent()
                    ? analyzer.analyze(reading.snapshot(), thresholds, BreachStreaks.AT_ONCE, now, reading.stale())
                    : report;
        }
        return report;
    }

    /**
     * The history, or empty (said once) when its file is unreadable or holds a fetch dated ahead of the clock; a
     * missing file is an empty history.
     */
    private Optional<VerdictHistory> readHistory(Path snapshotFile, URI endpoint, Instant now,
            Diagnostics diagnostics) {
        Path file = histories.fileBeside(snapshotFile);
        try {
            VerdictHistory history = histories.read(file, endpoint);
            Optional<PastFetch> ahead = history.fetches().stream()
                    .filter(fetch -> ClockSkew.isAhead(fetch.at(), now)).findFirst();
            if (ahead.isPresent()) {
                // Counted or left out, a fetch whose time is wrong could end or shorten a streak and hold a breach
                // back; judged at once, nothing is held back.
                diagnostics.warning("the verdict history " + file + " holds a fetch dated " + ahead.get().at()
                        + ", ahead of this machine's clock (" + now.truncatedTo(ChronoUnit.SECONDS)
                        + "); going on without it");
                return Optional.empty();
            }
            return Optional.of(history);
        } catch (UnreadableHistoryException e) {
            diagnostics.warning("the verdict history " + file + " is unreadable (" + e.getMessage()
                    + "); going on without it");
            diagnostics.cause(e.getCause());
            return Optional.empty();
        }
    }

    /**
     * @param unreadable the file there could not be read or used: it is set aside first, not written over
     * @return whether the history now holds this fetch
     */
    private boolean save(ReadRequest request, VerdictHistory history, boolean unreadable, Diagnostics diagnostics) {
        Path file = histories.fileBeside(request.snapshotFile());
        if (unreadable) {
            try {
                histories.setAside(file).ifPresent(aside -> diagnostics.warning(
                        "the old verdict history is kept as " + aside + "; a new one starts with this fetch"));
            } catch (IOException e) {
                diagnostics.warning("could not set the unreadable verdict history " + file + " aside ("
                        + FileFailures.unwritable(file, e) + "); it is left as it is");
                diagnostics.cause(e);
                return false;
            }
        }
        try {
            histories.write(file, history);
            diagnostics.verbose("added the fetch to the verdict history " + file);
            return true;
        } catch (ClosedByInterruptException e) {
            // Ctrl-C during the write: the file was never renamed into place, so the old history stands.
            diagnostics.verbose("interrupted while saving; " + file + " unchanged");
            return false;
        } catch (IOException e) {
            diagnostics.warning("could not save the verdict history to " + file + ": "
                    + FileFailures.unwritable(file, e));
            diagnostics.cause(e);
            return false;
        }
    }
}
