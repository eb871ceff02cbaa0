package dev.monitor.console;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C or SIGTERM during a run: instead of the JVM's default (run the shutdown hooks, exit 143, while the fetch
 * may still be saving), the signal interrupts the thread doing the work. A fetch is abandoned, a snapshot write in
 * progress fails before its rename, so the last good snapshot stays as it was, and the command ends: a run with
 * 130, the shell's code for "ended by Ctrl-C", a watch with 0, its normal end.
 * <p>
 * Some waits cannot be interrupted (opening a FIFO no one writes to, reading a terminal): a command still in one
 * {@link #GRACE} after the signal is ended from here, with the same words and code.
 */
public final class Interruption implements AutoCloseable {

    public static final int EXIT_CODE = 130;

    /** Time enough for an interrupted fetch to unwind, little enough that the whole end takes under a second. */
    private static final Duration GRACE = Duration.ofMillis(250);

    private final int exitCode;
    /** Where the end of a run is said, or null for a watch, which ends without a word. */
    private final PrintWriter err;
    private final AtomicBoolean signalled = new AtomicBoolean();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Signals signals;
    /** Guards {@link #closed}: a handler still running when the command is done must not interrupt it after. */
    private final Object lock = new Object();
    private boolean closed;
    private boolean ended;

    private Interruption(Thread worker, int exitCode, PrintWriter err) {
        this.exitCode = exitCode;
        this.err = err;
        signals = Signals.onEnd(() -> {
            synchronized (lock) {
                if (!closed && !signalled.getAndSet(true)) {
                    worker.interrupt();
                    Thread.ofPlatform().daemon().name("monitor-interruption").start(this::endIfStuck);
                }
            }
        });
    }

    /** Until closed, Ctrl-C and SIGTERM interrupt the calling thread, a run that ends 130 saying so on {@code err}. */
    public static Interruption ofRun(PrintWriter err) {
        return new Interruption(Thread.currentThread(), EXIT_CODE, err);
    }

    /** Until closed, Ctrl-C and SIGTERM interrupt the calling thread, a watch that ends 0 without a word. */
    public static Interruption ofWatch() {
        return new Interruption(Thread.currentThread(), 0, null);
    }

    public boolean signalled() {
        return signalled.get();
    }

    /** Says, once, that the command ends on the signal, and gives its exit code. */
    public int end() {
        synchronized (lock) {
            if (!ended && err != null) {
                err.println("monitor: interrupted");
                err.flush();
            }
            ended = true;
        }
        return exitCode;
    }

    private void endIfStuck() {
        try {
            if (closing.await(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            return;
        }
        // At once: the shutdown hooks (the application's stop) could wait on the very thread that is stuck. Nothing
        // is lost: a file being replaced is only ever renamed into place whole.
        int exit = end();
        System.out.flush();
        Runtime.getRuntime().halt(exit);
    }

    @Override
    public void close() {
        signals.close();
        synchronized (lock) {
            closed = true;
            closing.countDown();
            if (signalled.get()) {
                // The interrupt has done its work. Left set, it would break the application's shutdown that comes
                // next (closing Vert.x waits, and an interrupted wait fails with a stack trace on stderr).
                Thread.interrupted();
            }
        }
    }
}
