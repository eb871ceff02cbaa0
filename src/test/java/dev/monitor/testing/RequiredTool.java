package dev.monitor.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A program (or a privilege) that some tests need for real: promtool, script, tinyproxy, setpriv, mknod's
 * CAP_MKNOD. Without it such a test can prove nothing. On a developer's machine it is then skipped with the
 * reason in the report; under CI ({@code CI=true}, as CI runs {@code .ci/run}, which installs every tool) it
 * fails, so that no test vanishes from CI without a word.
 */
public final class RequiredTool {

    private RequiredTool() {
    }

    /** Whether this run is CI's, which has every tool installed and so skips nothing. */
    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Goes on when the condition holds; else skips the test saying why, or fails it under CI. */
    public static void require(boolean condition, String why) {
        if (condition) {
            return;
        }
        if (underCi()) {
            fail(why + " (under CI, which installs every tool the tests need, that is a failure)");
        }
        Assumptions.abort(why);
    }

    /**
     * The program's path, found on the PATH or in the sbin directories where Debian puts some daemons;
     * a missing one skips the test naming the Debian package that has it, or fails it under CI.
     */
    public static Path find(String program, String debianPackage) {
        Optional<Path> found = Stream.concat(
                Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)),
                Stream.of("/usr/sbin", "/sbin"))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, program))
                .filter(Files::isExecutable)
                .findFirst();
        require(found.isPresent(), program + " is not installed (Debian package '" + debianPackage + "')");
        return found.orElseThrow();
    }
}
