package dev.monitor.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Run by {@link FileFailuresTest} as a process of its own, as an unprivileged user, which root may not be: replaces
 * a file and creates a directory where permissions forbid both, and prints on a line each what the user would be
 * told. Only the JDK and this package's classes are on its class path, so an unprivileged user can load them.
 */
final class UnprivilegedWrites {

    private UnprivilegedWrites() {
    }

    /** @param args the file to replace, then a file whose missing directory to create (as the cache's is) */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        try {
            AtomicFile.replace(file, "rw-------", out -> out.write('x'));
            System.out.println("replaced");
        } catch (IOException e) {
            System.out.println(FileFailures.unwritable(file, e));
        }
        Path cached = Path.of(args[1]);
        try {
            // As SnapshotRepository#write creates the cache directory.
            Files.createDirectories(cached.getParent(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            System.out.println("created");
        } catch (IOException e) {
            System.out.println(FileFailures.unwritable(cached, e));
        }
    }
}
