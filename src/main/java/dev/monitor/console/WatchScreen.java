package dev.monitor.console;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.monitor.analysis.Unavailable;
import dev.monitor.render.LiveView;
import dev.monitor.render.OutputFormat;
import dev.monitor.render.Section;

/**
 * Where a watch shows its ticks: redrawn in place on a terminal, like {@code watch} or {@code top}; one block
 * per tick anywhere else (one JSON object per line with {@code -o json}, for {@code jq} and log shippers).
 */
public sealed interface WatchScreen extends AutoCloseable permits WatchScreen.Live, WatchScreen.Blocks {

    void show(LiveView.Tick tick);

    /** A tick that got no data, whose warning is already on stderr. */
    void unavailable(Unavailable unavailable);

    @Override
    void close();

    /**
     * @param service the watched service, or null for the whole report
     */
    static WatchScreen of(ReportOutput output, Set<Section> sections, String service, Duration interval) {
        LiveView view = new LiveView(ZoneId.systemDefault());
        Frames frames = service != null
                ? () -> view.serviceFrame(service, interval, output.style())
                : () -> view.reportFrame(sections, interval, output.style());
        if (output.format() == OutputFormat.TABLE && output.toTerminal()) {
            return new Live(view, frames, output.stdoutWriter(), () -> TerminalSize.current(System.getenv()));
        }
        Set<Section> shown = service != null ? EnumSet.of(Section.SERVERS) : sections;
        return new Blocks(view, frames, output, shown);
    }

    @FunctionalInterface
    interface Frames {
        String latest();
    }

    /**
     * Redraws in place: cursor home, each line followed by erase-to-end-of-line, then erase below. No full
     * clear, so no flicker; the cursor is hidden while drawing and shown again on the way out. A frame taller
     * than the terminal is cut to fit, with a last line saying how much is left out: a frame that scrolled the
     * screen would leave every redraw's top in the scrollback.
     */
    final class Live implements WatchScreen {
        static final String HOME = "\u001B[H";
        static final String ERASE_LINE = "\u001B[K";
        static final String ERASE_BELOW = "\u001B[J";
        static final String HIDE_CURSOR = "\u001B[?25l";
        static final String SHOW_CURSOR = "\u001B[?25h";
        private static final Pattern ESCAPE_SEQUENCE = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");

        private final LiveView view;
        private final Frames frames;
        private final PrintWriter out;
        private final Supplier<TerminalSize> terminal;
        private boolean drawn;

        Live(LiveView view, Frames frames, PrintWriter out, Supplier<TerminalSize> terminal) {
            this.view = view;
            this.frames = frames;
            this.out = out;
            this.terminal = terminal;
        }

        @Override
        public void show(LiveView.Tick tick) {
            view.add(tick);
            out.print(draw(frames.latest(), !drawn, terminal.get()));
            out.flush();
            drawn = true;
        }

        /** The bytes that replace the screen's content with the frame, or as much of it as fits. */
        static String draw(String frame, boolean first, TerminalSize size) {
            StringBuilder screen = new StringBuilder(first ? HIDE_CURSOR : "").append(HOME);
            fit(frame.lines().toList(), size).forEach(line -> screen.append(line).append(ERASE_LINE).append('\n'));
            return screen.append(ERASE_BELOW).toString();
        }

        /**
         * The lines that fit above the terminal's last row, which stays free for the cursor so that the screen
         * never scrolls; when some do not, the last row that fits says how many.
         */
        static List<String> fit(List<String> lines, TerminalSize size) {
            int free = size.rows() - 1;
            if (free < 1) {
                return lines;
            }
            int used = 0;
            int kept = 0;
            while (kept < lines.size()) {
                int rows = rowsTaken(lines.get(kept), size);
                if (used + rows > free) {
                    break;
                }
                used += rows;
                kept++;
            }
            if (kept == lines.size()) {
                return lines;
            }
            while (kept > 0 && used + 1 > free) {
                used -= rowsTaken(lines.get(--kept), size);
            }
            List<String> fitted = new ArrayList<>(lines.subList(0, kept));
            String note = "… " + (lines.size() - kept) + " more lines: a taller terminal shows them";
            fitted.add(size.columns() > 0 && note.length() > size.columns() ? note.substring(0, size.columns()) : note);
            return fitted;
        }

        /** Rows a line takes once the terminal wraps it; colour codes take none. */
        private static int rowsTaken(String line, TerminalSize size) {
            if (size.columns() < 1) {
                return 1;
            }
            String visible = ESCAPE_SEQUENCE.matcher(line).replaceAll("");
            int width = visible.codePointCount(0, visible.length());
            return Math.max(1, (width + size.columns() - 1) / size.columns());
        }

        @Override
        public void unavailable(Unavailable unavailable) {
            // The last frame stays, for what it still tells; the warning on stderr says it is not current.
        }

        @Override
        public void close() {
            if (drawn) {
                out.print(SHOW_CURSOR);
                out.flush();
            }
        }
    }

    /** One block per tick: the table frame followed by a blank line, or the format's own rendering. */
    final class Blocks implements WatchScreen {
        private final LiveView view;
        private final Frames frames;
        private final ReportOutput output;
        private final Set<Section> sections;

        Blocks(LiveView view, Frames frames, ReportOutput output, Set<Section> sections) {
            this.view = view;
            this.frames = frames;
            this.output = output;
            this.sections = sections;
        }

        @Override
        public void show(LiveView.Tick tick) {
            view.add(tick);
            if (output.format() == OutputFormat.TABLE) {
                output.printText(frames.latest() + System.lineSeparator());
            } else {
                output.print(tick.report(), sections, true);
            }
        }

        @Override
        public void unavailable(Unavailable unavailable) {
            // A program reading the stream (or a textfile collector reading --output-file) learns of it too.
            if (output.format() != OutputFormat.TABLE) {
                output.unavailable(unavailable, true);
            }
        }

        @Override
        public void close() {
        }
    }
}
