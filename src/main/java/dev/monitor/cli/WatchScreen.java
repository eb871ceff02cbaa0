package dev.monitor.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import dev.monitor.render.LiveView;
import dev.monitor.render.OutputFormat;
import dev.monitor.render.Section;

/**
 * Where a watch shows its ticks: redrawn in place on a terminal, like {@code watch} or {@code top}; one block
 * per tick anywhere else (one JSON object per line with {@code -o json}, for {@code jq} and log shippers).
 */
sealed interface WatchScreen extends AutoCloseable permits WatchScreen.Live, WatchScreen.Blocks {

    void show(LiveView.Tick tick);

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
            return new Live(view, frames, output.stdoutWriter());
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
     * clear, so no flicker; the cursor is hidden while drawing and shown again on the way out.
     */
    final class Live implements WatchScreen {
        static final String HOME = "\u001B[H";
        static final String ERASE_LINE = "\u001B[K";
        static final String ERASE_BELOW = "\u001B[J";
        static final String HIDE_CURSOR = "\u001B[?25l";
        static final String SHOW_CURSOR = "\u001B[?25h";

        private final LiveView view;
        private final Frames frames;
        private final PrintWriter out;
        private boolean drawn;

        Live(LiveView view, Frames frames, PrintWriter out) {
            this.view = view;
            this.frames = frames;
            this.out = out;
        }

        @Override
        public void show(LiveView.Tick tick) {
            view.add(tick);
            out.print(draw(frames.latest(), !drawn));
            out.flush();
            drawn = true;
        }

        /** The bytes that replace the screen's content with the frame. */
        static String draw(String frame, boolean first) {
            StringBuilder screen = new StringBuilder(first ? HIDE_CURSOR : "").append(HOME);
            frame.lines().forEach(line -> screen.append(line).append(ERASE_LINE).append('\n'));
            return screen.append(ERASE_BELOW).toString();
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
        public void close() {
        }
    }
}
