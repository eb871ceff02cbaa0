package dev.monitor.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Optional;

/**
 * Says in a few words why one of monitor's files (the snapshot, the history, {@code --output-file}) could not be
 * read or written. The JDK's exceptions name the temporary file beside it, or only a path, or their own class:
 * the user gave the file's path, so the reason is about that file and its directory.
 */
public final class FileFailures {

    private FileFailures() {
    }

    /** Why the file could not be read: {@code a directory, not a file}, {@code /a is not a directory}. */
    public static String unreadable(Path file, IOException failure) {
        if (Files.isSymbolicLink(file)) {
            return "a symbolic link, not followed";
        }
        return place(file, failure).orElseGet(() -> reason(failure));
    }

    /** Why the file could not be replaced: {@code no directory /a/b}, {@code permission denied}. */
    public static String unwritable(Path file, IOException failure) {
        return place(file, failure).orElseGet(() -> reason(failure));
    }

    /**
     * What the path is when it is there and is neither a regular file nor a directory: {@code a FIFO},
     * {@code a character device}. Such a file is not one to read a snapshot from or to rename over: opening a FIFO
     * waits for a writer (for ever, Ctrl-C or not), and a rename would put a regular file where the device was.
     *
     * @param options {@link LinkOption#NOFOLLOW_LINKS} to ask about a symbolic link itself (it is not special)
     * @return empty when it is missing, a regular file, a directory or (so asked) a symbolic link
     */
    public static Optional<String> special(Path file, LinkOption... options) {
        try {
            if (!Files.readAttributes(file, BasicFileAttributes.class, options).isOther()) {
                return Optional.empty();
            }
            // st_mode's file type bits (S_IFMT); the "unix" view is the JDK's own on Linux and macOS.
            int type = (Integer) Files.getAttribute(file, "unix:mode", options) & 0170000;
            return Optional.of(switch (type) {
                case 0010000 -> "a FIFO";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            });
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.of("a special file");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** What is wrong with where the file is, if anything: the usual cause, and the JDK names it least well. */
    private static Optional<String> place(Path file, IOException failure) {
        if (Files.isDirectory(file)) {
            return Optional.of("a directory, not a file");
        }
        Path directory = file.toAbsolutePath().getParent();
        if (directory == null || Files.isDirectory(directory)) {
            return Optional.empty();
        }
        Path existing = directory;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            return Optional.of(existing + " is not a directory");
        }
        // Missing: either no one was to create it (--output-file), or creating it failed (the cache directory).
        return Optional.of(failure instanceof NoSuchFileException ? "no directory " + directory
                : "cannot create the directory " + directory + ": " + reason(failure));
    }

    private static String reason(IOException failure) {
        return switch (failure) {
            // These three carry the path, which may be the temporary file, and no reason.
            case AccessDeniedException denied -> "permission denied";
            case NoSuchFileException missing -> "no such file or directory";
            case FileAlreadyExistsException exists -> exists.getFile() + " already exists";
            // The system's own words (strerror): "Read-only file system", "No space left on device".
            case FileSystemException system when system.getReason() != null -> lowerFirst(system.getReason());
            default -> failure.getMessage() == null || failure.getMessage().isBlank()
                    ? failure.getClass().getSimpleName()
                    : lowerFirst(failure.getMessage().lines().findFirst().orElse(""));
        };
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
