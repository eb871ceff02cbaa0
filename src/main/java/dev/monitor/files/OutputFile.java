package dev.monitor.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * {@code --output-file}. A file is replaced whole: the text written to a temporary file beside it, then renamed
 * over it, so a reader (node_exporter's textfile collector, a dashboard) only ever sees a complete report. A new
 * file is readable by all (0644 less the umask), unlike the snapshot: the collector usually runs as another user;
 * a file replaced keeps the permissions it had. A symbolic link to a file is followed, and its target replaced.
 * A FIFO, a device or a process's stdout ({@code /dev/stdout}) is written into instead: a rename would put a
 * regular file in its place, and its reader would get nothing.
 */
public final class OutputFile {

    private static final String NEW_FILE_MODE = "rw-r--r--";

    private OutputFile() {
    }

    public static void write(Path file, String text) throws IOException {
        AtomicFile.Content content = out -> out.write(text.getBytes(StandardCharsets.UTF_8));
        if (FileFailures.special(file).isPresent() || isOpenFileOfProcess(file)) {
            // Appending: /dev/stdout may be a file the shell opened with >>, and a stream takes report after report.
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                content.writeTo(out);
            }
            return;
        }
        // A dangling link has no target to replace: the link itself is replaced, as a missing file is created.
        Path target = Files.exists(file) ? file.toRealPath() : file;
        Set<PosixFilePermission> kept;
        try {
            kept = Files.getPosixFilePermissions(target);
        } catch (NoSuchFileException e) {
            AtomicFile.replace(target, NEW_FILE_MODE, content);
            return;
        }
        AtomicFile.replaceKeeping(target, kept, content);
    }

    /**
     * Whether the two paths name the same file, now or once written: through links, {@code ..} and a directory
     * reached by another name.
     */
    public static boolean samePlace(Path one, Path other) {
        return place(one).equals(place(other));
    }

    /** The file a path leads to, links followed; for a missing file, its name in its directory's real path. */
    private static Path place(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException missing) {
            Path directory = absolute.getParent();
            try {
                return directory == null ? absolute : directory.toRealPath().resolve(absolute.getFileName());
            } catch (IOException noDirectory) {
                return absolute;
            }
        }
    }

    /**
     * Whether the path is, or leads through links to, an open file of a process: {@code /dev/stdout} is a link to
     * {@code /proc/self/fd/1}, which leads to whatever the shell opened, a regular file after {@code >}. That file
     * is the shell's to keep: replacing it would write beside the descriptor, not into it.
     */
    private static boolean isOpenFileOfProcess(Path file) {
        try {
            Path hop = file.toAbsolutePath();
            // 40: the kernel's own limit on links followed in one path.
            for (int links = 0; links < 40 && Files.isSymbolicLink(hop); links++) {
                Path directory = hop.getParent().toRealPath();
                if (directory.startsWith("/proc") && directory.getFileName().toString().equals("fd")) {
                    return true;
                }
                hop = directory.resolve(Files.readSymbolicLink(hop));
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
