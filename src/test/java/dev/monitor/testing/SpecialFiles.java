package dev.monitor.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * FIFOs and device nodes made in a test's own temporary folder, with the system's tools (Java makes neither),
 * and what a path is, read from its {@code st_mode}. Never a node under /dev: a test that replaced one would
 * break the machine.
 */
public final class SpecialFiles {

    private SpecialFiles() {
    }

    public static Path fifo(Path path) throws IOException, InterruptedException {
        int exit = run("mkfifo", path.toString());
        if (exit != 0) {
            throw new IllegalStateException("mkfifo " + path + " exited " + exit);
        }
        return path;
    }

    /**
     * A node of the null device (1, 3), which reads as empty and takes every write. Making one takes
     * CAP_MKNOD (root, outside most containers): without it the test is skipped saying so, and fails under CI,
     * which runs as root ({@link RequiredTool}).
     */
    public static Path nullDevice(Path path) throws IOException, InterruptedException {
        RequiredTool.require(run("mknod", "-m", "666", path.toString(), "c", "1", "3") == 0,
                "mknod needs CAP_MKNOD, which this user or container lacks");
        return path;
    }

    /** {@code fifo}, {@code character device}, {@code regular file}, {@code symbolic link}, as lstat says. */
    public static String type(Path path) throws IOException {
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return switch (mode & 0170000) {
            case 0010000 -> "fifo";
            case 0020000 -> "character device";
            case 0100000 -> "regular file";
            case 0120000 -> "symbolic link";
            default -> "mode " + Integer.toOctalString(mode);
        };
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not end");
        }
        return process.exitValue();
    }
}
