package dev.monitor.context;

/** The contexts file or a context in it cannot be used; the message says which and why. */
public class ContextException extends RuntimeException {

    public ContextException(String message) {
        super(message);
    }
}
