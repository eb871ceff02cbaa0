package dev.monitor.fetch;

/** An answer that arrived whole but does not say what the contract says it must. */
final class InvalidAnswerException extends RuntimeException {

    InvalidAnswerException(String problem) {
        super(problem, null, false, false);
    }
}
