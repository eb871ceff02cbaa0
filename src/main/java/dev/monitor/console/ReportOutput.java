package dev.monitor.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

import dev.monitor.analysis.Report;
import dev.monitor.analysis.SortKey;
import dev.monitor.analysis.Unavailable;
import dev.monitor.files.FileFailures;
import dev.monitor.files.OutputFile;
import dev.monitor.render.OutputFormat;
import dev.monitor.render.Renderer;
import dev.monitor.render.Section;
import dev.monitor.render.TableStyle;

/**
 * Where and how one run prints its reports: the renderer {@code --output} chose, the order {@code --sort-by}
 * asked for, and stdout or {@code --output-file}, which gets each report whole (see {@link OutputFile}).
 */
public final class ReportOutput {

    private final OutputFormat format;
    private final SortKey sortBy;
    private final TableStyle style;
    private final Path file;
    private final PrintWriter stdout;
    private final boolean terminal;
    private final String version;

    /** @param terminal whether stdout is a terminal */
    public ReportOutput(OutputFormat format, SortKey sortBy, TableStyle style, Path file, PrintWriter stdout,
            boolean terminal, String version) {
        this.format = format;
        this.sortBy = sortBy;
        this.style = style;
        this.file = file;
        this.stdout = stdout;
        this.terminal = terminal;
        this.version = version;
    }

    /** One report, in full. */
    public void print(Report report, Set<Section> sections) {
        print(report, sections, false);
    }

    /** @param oneLine JSON on one line, for the NDJSON stream of a watch */
    public void print(Report report, Set<Section> sections, boolean oneLine) {
        write(out -> renderer(oneLine).render(ordered(report), sections, out));
    }

    /** Text already rendered (a watch's frame). */
    public void printText(String text) {
        write(out -> out.print(text));
    }

    /** The report in the order {@code --sort-by} asked for. */
    public Report ordered(Report report) {
        return sortBy == null ? report : sortBy.apply(report);
    }

    /** No data at all: machine formats still answer (Nagios' status line, a JSON document), with its verdict. */
    public void unavailable(Unavailable unavailable) {
        unavailable(unavailable, false);
    }

    /** @param oneLine JSON on one line, for the NDJSON stream of a watch */
    public void unavailable(Unavailable unavailable, boolean oneLine) {
        write(out -> renderer(oneLine).unavailable(unavailable, out));
    }

    public OutputFormat format() {
        return format;
    }

    public TableStyle style() {
        return style;
    }

    /** True when the report goes to stdout and stdout is a terminal, so a live view may redraw it in place. */
    boolean toTerminal() {
        return file == null && terminal;
    }

    PrintWriter stdoutWriter() {
        return stdout;
    }

    private Renderer renderer(boolean oneLine) {
        return format.renderer(style, oneLine, version);
    }

    private void write(Consumer<PrintWriter> rendering) {
        if (file == null) {
            rendering.accept(stdout);
            stdout.flush();
            return;
        }
        StringWriter text = new StringWriter();
        rendering.accept(new PrintWriter(text));
        try {
            OutputFile.write(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --output-file " + file + ": "
                    + FileFailures.unwritable(file, e), e);
        }
    }
}
