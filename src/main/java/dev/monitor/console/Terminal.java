package dev.monitor.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether one standard stream is a terminal. Per stream, because {@code System.console()} answers for stdin
 * and stdout together (on JDK 22+ it is null or not a terminal as soon as either is redirected), so
 * {@code --token-file -} or a pipe into stdin would wrongly turn colour off.
 */
public enum Terminal {
    STDOUT(1),
    STDERR(2);

    private final int fd;

    Terminal(int fd) {
        this.fd = fd;
    }

    public boolean isTerminal() {
        // Linux names the file behind each descriptor; that costs no process and needs no native code.
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            String target = Files.readSymbolicLink(link).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return askTheShell();
        }
    }

    /** Elsewhere (macOS, BSD): {@code test -t} in a child that inherits this stream, as JLine's exec provider does. */
    private boolean askTheShell() {
        ProcessBuilder test = new ProcessBuilder("sh", "-c", "test -t " + fd);
        if (this == STDOUT) {
            test.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.DISCARD);
        } else {
            test.redirectError(ProcessBuilder.Redirect.INHERIT).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        try {
            return test.start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
