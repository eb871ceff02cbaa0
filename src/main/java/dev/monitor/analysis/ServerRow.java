package dev.monitor.analysis;

import dev.monitor.snapshot.Server;

/** One line of the server table: a server and its health. */
public record ServerRow(Server server, Health health) {

    public String ip() {
        return server.ip();
    }

    /** The service, or {@link ServiceHealth#UNKNOWN_SERVICE} for a server whose service was never learnt. */
    public String service() {
        return server.service() == null ? ServiceHealth.UNKNOWN_SERVICE : server.service();
    }
}
