package dev.monitor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.monitor.analysis.SortKey;
import dev.monitor.console.Colour;
import dev.monitor.console.ReportOutput;
import dev.monitor.console.Terminal;
import dev.monitor.files.OutputFile;
import dev.monitor.render.OutputFormat;
import dev.monitor.render.Section;
import dev.monitor.render.TableStyle;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How the report is printed: its format, where it goes, and how a table looks. */
public class OutputOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = { "-o", "--output" }, paramLabel = "FORMAT", completionCandidates = FormatNames.class,
            description = "table, json, csv, prometheus or nagios (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--output-file", paramLabel = "PATH",
            description = "Write the report to PATH instead of stdout: a file is replaced atomically (temporary file, "
                    + "then rename), a FIFO or device is written into.")
    Path outputFile;

    @Option(names = "--sort-by", paramLabel = "KEY", completionCandidates = SortKeyNames.class,
            description = "Order rows by ip, service, cpu, memory or status (default: service, then ip).")
    SortKey sortBy;

    @Option(names = "--no-headers", description = "Leave out header rows and captions (table, csv).")
    boolean noHeaders;

    @Option(names = "--no-color", description = "Never colour the table (colour is used only on a terminal, "
            + "and never when NO_COLOR is set).")
    boolean noColor;

    @Option(names = { "-q", "--quiet" }, description = "No progress bar on stderr.")
    boolean quiet;

    /**
     * The output of this run, checked before anything is fetched.
     *
     * @param snapshotFile the run's snapshot, and {@code historyFile} the verdict history beside it: a report
     *                     written over either would make every later run refuse it as not monitor's
     * @throws ParameterException for a combination the format cannot print, or an output file that is one of these
     */
    public ReportOutput open(Set<Section> sections, PrintWriter stdout, Map<String, String> environment,
            Path snapshotFile, Path historyFile) {
        if (format == OutputFormat.CSV && sections.size() > 1) {
            throw new ParameterException(spec.commandLine(), "-o csv prints one report per run, not "
                    + sections.size() + " (" + flags(sections) + "): run monitor once for each");
        }
        if (outputFile != null && Files.isDirectory(outputFile)) {
            throw new ParameterException(spec.commandLine(), "--output-file " + outputFile + " is a directory");
        }
        if (outputFile != null && OutputFile.samePlace(outputFile, snapshotFile)) {
            throw new ParameterException(spec.commandLine(), "--output-file " + outputFile + " is the snapshot "
                    + snapshotFile + "; write the report to another file");
        }
        if (outputFile != null && OutputFile.samePlace(outputFile, historyFile)) {
            throw new ParameterException(spec.commandLine(), "--output-file " + outputFile + " is the verdict history "
                    + historyFile + "; write the report to another file");
        }
        boolean terminal = outputFile == null && Terminal.STDOUT.isTerminal();
        boolean colour = format == OutputFormat.TABLE && Colour.wanted(noColor, environment, () -> terminal);
        return new ReportOutput(format, sortBy, new TableStyle(colour, !noHeaders), outputFile, stdout, terminal,
                VersionProvider.version());
    }

    /** @throws ParameterException unless the format is a table, the only one {@code what} prints */
    public void requireTable(String what, String instead) {
        if (format != OutputFormat.TABLE) {
            throw new ParameterException(spec.commandLine(), what + " prints a table, not -o "
                    + format.name().toLowerCase(Locale.ROOT) + "; " + instead);
        }
    }

    /** Whether a progress bar may be drawn on stderr. */
    public boolean progress() {
        return !quiet && Terminal.STDERR.isTerminal();
    }

    public OutputFormat format() {
        return format;
    }

    private static String flags(Set<Section> sections) {
        return String.join(", ", sections.stream().map(section -> switch (section) {
            case SERVERS -> "--printservers";
            case AVERAGES -> "--avg";
            case UNHEALTHY -> "--unhealthyservices";
        }).toList());
    }

    /** Lower case, as users type them; picocli is told to accept any case. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.of(OutputFormat.values()).map(f -> f.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }

    static final class SortKeyNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.of(SortKey.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }
}
