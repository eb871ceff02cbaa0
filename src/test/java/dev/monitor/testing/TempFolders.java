package dev.monitor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Removes a temporary folder that a test extension made for a whole class, where JUnit's {@code @TempDir}
 * cannot reach (a static field initialiser, an extension): it may hold a test CA's key or a token, so none is
 * left in /tmp.
 */
public final class TempFolders {

    private TempFolders() {
    }

    /** Deletes the folder and everything in it; a folder already gone is fine. */
    public static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
