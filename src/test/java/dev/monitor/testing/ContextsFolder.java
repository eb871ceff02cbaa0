package dev.monitor.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A test's own contexts file and snapshot, in its temporary folder: the variable that names the file, the arguments
 * of a check that fetches afresh, and the file written by hand.
 */
public record ContextsFolder(Path temp) {

    public Path file() {
        return temp.resolve("conf").resolve("config.yaml");
    }

    /** {@code $MONITOR_CONFIG}, naming {@link #file()}. */
    public Map<String, String> environment() {
        return Map.of("MONITOR_CONFIG", file().toString());
    }

    /** A run that fetches afresh into this folder's snapshot, then {@code args}. */
    public String[] check(String... args) {
        return Stream.concat(Stream.of("--snapshot", temp.resolve("s.json").toString(), "--refresh"), Stream.of(args))
                .toArray(String[]::new);
    }

    public void handWritten(String yaml) throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), yaml);
    }
}
