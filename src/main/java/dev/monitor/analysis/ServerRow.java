package dev.monitor.analysis;

import java.util.Optional;

import dev.monitor.snapshot.Server;

/** One line of the server table: a server and its health. */
public record ServerRow(Server server, Health health) {

    public String ip() {
        return server.ip();
    }

    /**
     * The service, or empty for a server whose service was never learnt (it gave no usable answer, and no earlier
     * snapshot knew it): such a server is in no service, and no name the API sends can stand for it.
     */
    public Optional<String> service() {
        return Optional.ofNullable(server.service());
    }
}
