package dev.monitor.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file whole: the content goes to a temporary file beside it (created with the final mode, so it
 * is never readable by more than it should be), is flushed to disk, then renamed over the target. Readers
 * and a crash only ever see the old file or the new one, and a symbolic link planted at the path is
 * replaced, never written through. Used for the snapshot, the context file and {@code --output-file}.
 */
public final class AtomicFile {

    /** Writes the content to the stream it is given; the caller keeps no reference to it. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /** @param mode the file's POSIX permissions, e.g. {@code rw-------}, less what the umask takes away */
    public static void replace(Path file, String mode, Content content) throws IOException {
        replace(file, PosixFilePermissions.fromString(mode), false, content);
    }

    /**
     * Replaces the file keeping the permissions it has, exactly: someone chose them, and the umask that would
     * take bits from a new file is not theirs.
     */
    public static void replaceKeeping(Path file, Set<PosixFilePermission> mode, Content content) throws IOException {
        replace(file, mode, true, content);
    }

    private static void replace(Path file, Set<PosixFilePermission> mode, boolean exactly, Content content)
            throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        if (directory == null) {
            // The root: createTempFile would take a null directory for the system's temporary one.
            throw new FileSystemException(file.toString(), null, "a directory, not a file");
        }
        // A dot name: collectors that read *.prom, and people listing the folder, pass it by while it is written.
        Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(mode));
        try {
            if (exactly) {
                // Created with the mode less the umask, so never more open than the file it replaces.
                Files.setPosixFilePermissions(temporary, mode);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
