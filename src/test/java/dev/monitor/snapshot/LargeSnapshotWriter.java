package dev.monitor.snapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Run by {@link SnapshotSafetyTest} as a process of its own, to be killed (SIGKILL) in the middle of its write:
 * saves one snapshot of many servers through the real repository, as a run of monitor does.
 */
final class LargeSnapshotWriter {

    private LargeSnapshotWriter() {
    }

    /** @param args the snapshot file, then the number of servers */
    public static void main(String[] args) throws IOException {
        new SnapshotRepository(Optional.empty()).write(Path.of(args[0]),
                SnapshotSafetyTest.snapshot(Integer.parseInt(args[1]), 20));
    }
}
