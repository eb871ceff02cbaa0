package dev.monitor.cli;

import java.util.concurrent.atomic.AtomicBoolean;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C or SIGTERM while a run reads the cluster: instead of the JVM's default (run the shutdown hooks,
 * exit 143, while the fetch may still be saving), the signal interrupts the thread doing the work. The
 * fetch is abandoned, a snapshot write in progress fails before its rename, so the last good snapshot
 * stays as it was, and the command exits 130, the shell's code for "ended by Ctrl-C".
 */
final class Interruption implements AutoCloseable {

    static final int EXIT_CODE = 130;

    private final AtomicBoolean signalled = new AtomicBoolean();
    private final SignalHandler previousInt;
    private final SignalHandler previousTerm;
    /** Guards {@link #closed}: a handler still running when the command is done must not interrupt it after. */
    private final Object lock = new Object();
    private boolean closed;

    private Interruption(Thread worker) {
        SignalHandler interrupt = signal -> {
            synchronized (lock) {
                if (!closed) {
                    signalled.set(true);
                    worker.interrupt();
                }
            }
        };
        previousInt = Signal.handle(new Signal("INT"), interrupt);
        previousTerm = Signal.handle(new Signal("TERM"), interrupt);
    }

    /** Until closed, Ctrl-C and SIGTERM interrupt the calling thread. */
    static Interruption ofCurrentThread() {
        return new Interruption(Thread.currentThread());
    }

    boolean signalled() {
        return signalled.get();
    }

    @Override
    public void close() {
        Signal.handle(new Signal("INT"), previousInt);
        Signal.handle(new Signal("TERM"), previousTerm);
        synchronized (lock) {
            closed = true;
            if (signalled.get()) {
                // The interrupt has done its work. Left set, it would break the application's shutdown that comes
                // next (closing Vert.x waits, and an interrupted wait fails with a stack trace on stderr).
                Thread.interrupted();
            }
        }
    }
}
