package dev.monitor.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import dev.monitor.analysis.Verdict;
import dev.monitor.fetch.Diagnostics;
import dev.monitor.history.VerdictHistory;
import dev.monitor.render.HistoryTable;

/** {@code --history}: the endpoint's recent verdicts per service, from its history file; nothing is fetched. */
@ApplicationScoped
public class HistoryView {

    private final ClusterCheck check;

    public HistoryView(ClusterCheck check) {
        this.check = check;
    }

    /** @param breachesFor {@code --for}, to say how far each current breach is from CRITICAL */
    public int show(Path snapshotFile, URI endpoint, int breachesFor, ReportOutput output, Diagnostics diagnostics) {
        VerdictHistory history = check.history(snapshotFile, endpoint, diagnostics);
        if (history.isEmpty()) {
            diagnostics.error("no verdict history of " + endpoint + " in " + check.historyFile(snapshotFile)
                    + " yet: each fresh fetch adds to it");
            return Verdict.UNKNOWN.exitCode();
        }
        output.printText(new HistoryTable(output.style(), ZoneId.systemDefault()).render(history, breachesFor));
        return Verdict.OK.exitCode();
    }
}
