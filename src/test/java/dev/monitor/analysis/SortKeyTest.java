package dev.monitor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Snapshot;
import dev.monitor.testing.TestThresholds;

/** {@code --sort-by}: numbers as numbers, figures unknown last, ties in the default order. */
class SortKeyTest {

    private final Report report = new Analyzer().analyze(new Snapshot(URI.create("http://127.0.0.1:1"),
            Instant.EPOCH, List.of(
                    new Server.Measured("10.0.0.10", "B", 9, 100),
                    new Server.Measured("10.0.0.9", "A", 10, 20),
                    new Server.Unknown("10.0.0.100", "A", "refused"),
                    new Server.Measured("10.0.0.2", "B", 100, 3))),
            TestThresholds.TYPICAL, Instant.EPOCH, null);

    @Test
    void cpuSortsNumericallyNotAsText() {
        assertThat(ips(SortKey.CPU.apply(report))).containsExactly("10.0.0.10", "10.0.0.9", "10.0.0.2", "10.0.0.100");
    }

    @Test
    void memorySortsNumericallyWithUnknownLast() {
        assertThat(ips(SortKey.MEMORY.apply(report))).containsExactly("10.0.0.2", "10.0.0.9", "10.0.0.10", "10.0.0.100");
    }

    @Test
    void ipSortsByAddressValue() {
        assertThat(ips(SortKey.IP.apply(report))).containsExactly("10.0.0.2", "10.0.0.9", "10.0.0.10", "10.0.0.100");
    }

    @Test
    void statusPutsHealthyThenUnhealthyThenUnknown() {
        assertThat(SortKey.STATUS.apply(report).rows()).extracting(ServerRow::health)
                .containsExactly(Health.HEALTHY, Health.UNHEALTHY, Health.UNHEALTHY, Health.UNKNOWN);
    }

    @Test
    void serviceKeepsTheDefaultOrder() {
        assertThat(SortKey.SERVICE.apply(report).rows()).isEqualTo(report.rows());
    }

    @Test
    void servicesSortByTheirMeans() {
        assertThat(SortKey.CPU.apply(report).services()).extracting(ServiceHealth::service).containsExactly("A", "B");
        assertThat(SortKey.MEMORY.apply(report).services()).extracting(ServiceHealth::service)
                .containsExactly("A", "B");
        assertThat(report.services()).extracting(ServiceHealth::meanMemory).containsExactly(20.0, 51.5);
    }

    private static List<String> ips(Report sorted) {
        return sorted.rows().stream().map(ServerRow::ip).toList();
    }
}
