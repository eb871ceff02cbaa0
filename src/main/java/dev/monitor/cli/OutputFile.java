package dev.monitor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.monitor.files.AtomicFile;

/**
 * {@code --output-file}: the whole text written to a temporary file beside the target, then renamed over it,
 * so a reader (node_exporter's textfile collector, a dashboard) only ever sees a complete report. Readable by
 * all (0644), unlike the snapshot: the collector usually runs as another user.
 */
final class OutputFile {

    private OutputFile() {
    }

    static void replace(Path file, String text) throws IOException {
        AtomicFile.replace(file, "rw-r--r--", out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
