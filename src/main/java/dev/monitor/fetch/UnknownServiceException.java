package dev.monitor.fetch;

/** The cluster lists no server of the service asked for; the message names the services it does list. */
public class UnknownServiceException extends RuntimeException {

    public UnknownServiceException(String message) {
        super(message);
    }
}
