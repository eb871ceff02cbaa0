package dev.monitor.render;

import java.io.PrintWriter;
import java.util.Set;

import dev.monitor.analysis.Report;

/** Turns a report into one output format. */
public interface Renderer {

    void render(Report report, Set<Section> sections, PrintWriter out);
}
