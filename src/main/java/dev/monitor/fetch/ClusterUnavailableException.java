package dev.monitor.fetch;

/** The cluster API could not be read at all: no server list, so no data. */
public class ClusterUnavailableException extends RuntimeException {

    public ClusterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
