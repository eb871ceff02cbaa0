package dev.monitor.snapshot;

import dev.monitor.text.Printable;

/**
 * One server of the cluster as last fetched: either its figures, or why they could not be had.
 * The service of an {@link Unknown} server is null when it was never known.
 * <p>
 * Its texts are always as {@link Printable} shows them, wherever they came from (an answer, a snapshot file, a
 * test), so every format and message can show them as they are: no name moves the cursor or reads as another.
 */
public sealed interface Server permits Server.Measured, Server.Unknown {

    String ip();

    String service();

    /** A server that answered with valid figures, in percent (0 to 100). */
    record Measured(String ip, String service, int cpu, int memory) implements Server {
        public Measured {
            ip = Printable.of(ip);
            service = Printable.of(service);
        }
    }

    /** A server whose figures could not be fetched or understood, and the reason, for the user. */
    record Unknown(String ip, String service, String reason) implements Server {
        public Unknown {
            ip = Printable.of(ip);
            service = Printable.of(service);
            reason = Printable.line(reason);
        }
    }
}
