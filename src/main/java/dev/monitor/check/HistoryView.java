package dev.monitor.check;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import dev.monitor.analysis.Verdict;
import dev.monitor.console.ReportOutput;
import dev.monitor.fetch.Diagnostics;
import dev.monitor.history.HistoryRepository;
import dev.monitor.history.UnreadableHistoryException;
import dev.monitor.history.VerdictHistory;
import dev.monitor.render.HistoryTable;

/** {@code --history}: the endpoint's recent verdicts per service, from its history file; nothing is fetched. */
@ApplicationScoped
public class HistoryView {

    private final HistoryRepository histories;

    public HistoryView(HistoryRepository histories) {
        this.histories = histories;
    }

    /**
     * @param breachesFor {@code --for}, to say how far each current breach is from CRITICAL
     * @return 0 with the table; UNKNOWN (3) when there is no history to show, said in one line
     */
    public int show(Path snapshotFile, URI endpoint, int breachesFor, ReportOutput output, Diagnostics diagnostics) {
        Path file = histories.fileBeside(snapshotFile);
        VerdictHistory history;
        try {
            history = histories.read(file, endpoint);
        } catch (UnreadableHistoryException e) {
            // Showing the history is this run's whole job: an unreadable one is its error, not a warning to go on from.
            diagnostics.error("the verdict history " + file + " is unreadable (" + e.getMessage() + ")");
            diagnostics.cause(e.getCause());
            return Verdict.UNKNOWN.exitCode();
        }
        if (history.isEmpty()) {
            diagnostics.error("no verdict history of " + endpoint + " in " + file + " yet: each fresh fetch adds to it");
            return Verdict.UNKNOWN.exitCode();
        }
        output.printText(new HistoryTable(output.style(), ZoneId.systemDefault()).render(history, breachesFor));
        return Verdict.OK.exitCode();
    }
}
