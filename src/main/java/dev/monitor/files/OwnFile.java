package dev.monitor.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reading one of monitor's own files (the snapshot, the verdict history), which sit where anyone with the user's
 * rights could have put something else: a FIFO, a device or a socket is refused by its kind, unopened (opening a
 * FIFO waits for a writer, for ever), a symbolic link planted at the path is not followed (its target could be any
 * file of the user's), and a missing file is no file, not an error.
 */
public final class OwnFile {

    /** Reads what the file holds from its stream. */
    @FunctionalInterface
    public interface Content<T> {
        T read(InputStream in) throws IOException;
    }

    private OwnFile() {
    }

    /**
     * @param unreadable makes the exception that says why the file cannot be used, from the reason and its cause
     * @return what {@code content} read, or empty when there is no file
     */
    public static <T> Optional<T> read(Path file, Content<T> content,
            BiFunction<String, Throwable, ? extends RuntimeException> unreadable) {
        Optional<String> special = FileFailures.special(file, LinkOption.NOFOLLOW_LINKS);
        if (special.isPresent()) {
            throw unreadable.apply(special.get() + ", not a file", null);
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(content.read(in));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw unreadable.apply(FileFailures.unreadable(file, e), e);
        }
    }
}
