package dev.monitor.console;

import java.io.PrintWriter;
import java.util.Map;

import dev.monitor.fetch.FetchProgress;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr (count, rate, ETA) while more than a handful of servers are fetched, erased when
 * the fetch ends so the report follows on a clean line. The bar is handed its width, so the library never
 * probes the terminal itself.
 * <p>
 * The fetch may end twice: once when the command gives it up (Ctrl-C), and again from the fetch's own thread
 * when the abandoned requests finish. The first end erases the line for good: the library's drawing thread
 * draws nothing after it, and a server list that arrives later starts no bar.
 */
public final class ProgressBarDisplay implements FetchProgress {

    /** Below this, a fetch is over before a bar could tell anything. */
    static final int HANDFUL = 20;
    private static final String ERASE_LINE = "\r\u001B[K";

    private final PrintWriter err;
    private final int width;
    private volatile ProgressBar bar;
    // Guarded by err, as every write to it is.
    private boolean over;
    private boolean drawn;
    private boolean erased;

    public ProgressBarDisplay(PrintWriter err, Map<String, String> environment) {
        this.err = err;
        this.width = width(environment.get("COLUMNS"));
    }

    @Override
    public void started(int servers) {
        if (servers <= HANDFUL) {
            return;
        }
        synchronized (err) {
            if (over) {
                return;
            }
            bar = new ProgressBarBuilder().setTaskName("Fetching").setInitialMax(servers).setUnit(" servers", 1)
                    .setStyle(ProgressBarStyle.UNICODE_BLOCK).showSpeed().setUpdateIntervalMillis(200)
                    .continuousUpdate().setConsumer(new DelegatingProgressBarConsumer(this::draw, width))
                    .build();
        }
    }

    @Override
    public void fetched() {
        ProgressBar current = bar;
        if (current != null) {
            current.step();
        }
    }

    @Override
    public void finished() {
        ProgressBar current;
        synchronized (err) {
            over = true;
            current = bar;
            bar = null;
        }
        if (current != null) {
            // Draws the bar's last state (not waited for by a thread already interrupted), outside the lock that
            // drawing takes.
            current.close();
        }
        synchronized (err) {
            if (drawn && !erased) {
                err.print(ERASE_LINE);
                err.flush();
            }
            erased = true;
        }
    }

    private void draw(String line) {
        synchronized (err) {
            if (erased) {
                return;
            }
            err.print('\r' + line);
            err.flush();
            drawn = true;
        }
    }

    /** One less than {@code COLUMNS}, read as the live views read it, so the cursor never wraps; else 79. */
    private static int width(String columns) {
        int figure = TerminalSize.figure(columns);
        return figure == 0 ? 79 : Math.max(40, figure - 1);
    }
}
