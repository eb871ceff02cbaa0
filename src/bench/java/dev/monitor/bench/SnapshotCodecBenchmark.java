package dev.monitor.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.monitor.snapshot.Snapshot;
import dev.monitor.snapshot.SnapshotBytes;
import dev.monitor.snapshot.SnapshotCodec;

/** Writing and reading the snapshot file's JSON, in memory, so the disk does not blur the codec's own cost. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class SnapshotCodecBenchmark {

    @Param({ "100000" })
    int servers;

    private final SnapshotCodec codec = new SnapshotCodec();
    private Snapshot snapshot;
    private byte[] file;

    @Setup
    public void setUp() throws IOException {
        snapshot = Fleets.snapshot(servers);
        file = write();
    }

    @Benchmark
    public byte[] write() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file == null ? 1 << 20 : file.length);
        SnapshotBytes.write(snapshot, out);
        return out.toByteArray();
    }

    @Benchmark
    public Snapshot read() throws IOException {
        return codec.read(new ByteArrayInputStream(file));
    }
}
