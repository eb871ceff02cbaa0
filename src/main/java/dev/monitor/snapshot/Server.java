package dev.monitor.snapshot;

/**
 * One server of the cluster as last fetched: either its figures, or why they could not be had.
 * The service of an {@link Unknown} server is null when it was never known.
 */
public sealed interface Server permits Server.Measured, Server.Unknown {

    String ip();

    String service();

    /** A server that answered with valid figures, in percent (0 to 100). */
    record Measured(String ip, String service, int cpu, int memory) implements Server {
    }

    /** A server whose figures could not be fetched or understood, and the reason, for the user. */
    record Unknown(String ip, String service, String reason) implements Server {
    }
}
