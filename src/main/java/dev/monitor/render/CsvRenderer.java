package dev.monitor.render;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import dev.monitor.analysis.Report;
import dev.monitor.analysis.ServerRow;
import dev.monitor.analysis.ServiceHealth;
import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Shard;

/**
 * RFC 4180 CSV (commas, CRLF, quotes only where needed), one header row and one table: so one report per
 * run, which the command checks before any fetching. A figure that is not known is an empty field; a text that a
 * spreadsheet would run as a formula is made text.
 */
public class CsvRenderer implements Renderer {

    /**
     * What makes a spreadsheet read a cell as a formula (OWASP, CSV Injection). Names show a tab or a carriage
     * return as its code already; they stay in the list, which is OWASP's whole.
     */
    private static final String FORMULA_START = "=+-@\t\r";

    private final boolean headers;

    public CsvRenderer(boolean headers) {
        this.headers = headers;
    }

    @Override
    public void render(Report report, Set<Section> sections, PrintWriter out) {
        if (sections.size() != 1) {
            throw new IllegalArgumentException("csv holds one report, not " + sections);
        }
        try {
            Table csv = new Table(new CSVPrinter(out, CSVFormat.RFC4180), report.snapshot().shard());
            switch (sections.iterator().next()) {
                case SERVERS -> servers(csv, report.rows());
                case AVERAGES -> averages(csv, report.services());
                case UNHEALTHY -> unhealthy(csv, report);
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void servers(Table csv, List<ServerRow> rows) throws IOException {
        header(csv, "ip", "service", "status", "cpu", "memory", "reason");
        for (ServerRow row : rows) {
            // An empty service is no known service: the API never sends an empty name.
            String service = row.service().orElse("");
            if (row.server() instanceof Server.Measured m) {
                csv.row(text(row.ip()), text(service), row.health().label(), m.cpu(), m.memory(), "");
            } else if (row.server() instanceof Server.Unknown u) {
                csv.row(text(row.ip()), text(service), row.health().label(), "", "", text(u.reason()));
            }
        }
    }

    private void averages(Table csv, List<ServiceHealth> services) throws IOException {
        header(csv, "service", "servers", "healthy", "unknown", "mean_cpu", "mean_memory");
        for (ServiceHealth s : services) {
            csv.row(text(s.service()), s.servers(), s.healthy(), s.unknown(), mean(s.meanCpu()),
                    mean(s.meanMemory()));
        }
    }

    private void unhealthy(Table csv, Report report) throws IOException {
        header(csv, "service", "healthy", "servers", "unknown", "min_healthy", "state", "breach");
        for (ServiceHealth s : report.unhealthyServices()) {
            csv.row(text(s.service()), s.healthy(), s.servers(), s.unknown(), s.minimum(), s.state(),
                    s.breach() == null ? "" : s.breach().count());
        }
    }

    private void header(Table csv, String... names) throws IOException {
        if (headers) {
            csv.header(names);
        }
    }

    /**
     * The printer, and the shard the rows are of: a shard's rows are a share of the cluster's, and each says so in a
     * last column, {@code shard} ({@code 1/3}). The whole cluster's have no such column, as before shards.
     */
    private record Table(CSVPrinter printer, Shard shard) {

        void header(String... names) throws IOException {
            print("shard", names);
        }

        void row(Object... cells) throws IOException {
            print(shard.toString(), cells);
        }

        /** @param last the shard column's cell, when the rows are a shard's */
        private void print(String last, Object[] cells) throws IOException {
            if (shard.isWhole()) {
                printer.printRecord(cells);
            } else {
                Object[] withShard = Arrays.copyOf(cells, cells.length + 1);
                withShard[cells.length] = last;
                printer.printRecord(withShard);
            }
        }

        void flush() throws IOException {
            printer.flush();
        }
    }

    /**
     * A cell of text from the cluster (an address, a service, a reason), neutralised as OWASP advises against CSV
     * injection: one a spreadsheet would take for a formula, beginning with {@code = + - @}, a tab or a carriage
     * return, gets a {@code '} before it, which makes it text ({@code '=cmd|' /C calc'!A0}). Figures are numbers,
     * written as they are.
     */
    private static String text(String cell) {
        return !cell.isEmpty() && FORMULA_START.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static String mean(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.2f", value);
    }
}
