package dev.monitor.render;

import java.io.PrintWriter;
import java.util.Set;

import dev.monitor.analysis.Report;
import dev.monitor.analysis.Unavailable;

/** Turns a report into one output format. Each format is one implementation, chosen by {@link OutputFormat}. */
public interface Renderer {

    void render(Report report, Set<Section> sections, PrintWriter out);

    /**
     * What to print when there is no data at all (the API unreachable and no recent snapshot). People get the
     * reason on stderr only; machine formats that promise an answer on every run override this.
     */
    default void unavailable(Unavailable unavailable, PrintWriter out) {
    }
}
