package dev.monitor.snapshot;

import java.io.IOException;
import java.io.OutputStream;

/** A snapshot as its file holds it, written to a stream: for the codec's benchmark, which leaves the disk out. */
public final class SnapshotBytes {

    private SnapshotBytes() {
    }

    /** The bytes {@link SnapshotCodec#replace} writes to the file. */
    public static void write(Snapshot snapshot, OutputStream out) throws IOException {
        SnapshotCodec.DOCUMENT.write(out, SnapshotCodec.body(snapshot));
    }
}
