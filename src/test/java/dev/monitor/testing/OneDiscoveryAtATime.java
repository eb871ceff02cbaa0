package dev.monitor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;

/**
 * Test classes are discovered by one test JVM at a time, across the JVMs Surefire and Failsafe fork. Discovering
 * a JVM's first {@code @QuarkusTest} class prepares Quarkus, which rewrites
 * {@code target/test-classes/test-classes.idx} in place and then reads it back; another JVM reading it meanwhile
 * fails to load its class ("Not a jandex index"), and Surefire then leaves that whole class out of the run without
 * failing the build (Quarkus issue 54579, fixed after the 3.33 this project is held to). A lock file beside the
 * test classes makes the preparations take turns. Registered in {@code META-INF/services}, so it applies to every
 * launch of the tests.
 */
public final class OneDiscoveryAtATime implements LauncherDiscoveryListener {

    private static final Path LOCK_FILE = lockFile();

    private FileChannel channel;
    private FileLock lock;

    @Override
    public void launcherDiscoveryStarted(LauncherDiscoveryRequest request) {
        try {
            channel = FileChannel.open(LOCK_FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = channel.lock();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + LOCK_FILE, e);
        }
    }

    @Override
    public void launcherDiscoveryFinished(LauncherDiscoveryRequest request) {
        try (FileChannel held = channel) {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unlock " + LOCK_FILE, e);
        } finally {
            lock = null;
            channel = null;
        }
    }

    /** {@code target/test-classes.lock}: beside the folder the index is written to. */
    private static Path lockFile() {
        try {
            Path testClasses = Path.of(OneDiscoveryAtATime.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            return testClasses.resolveSibling(testClasses.getFileName() + ".lock");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
