package dev.monitor.fetch;

import java.io.IOException;

/**
 * An answer whose body could not be read to its end, once its status and headers had come: the connection closed
 * or reset in the middle of it, or its chunked framing broke the rules. Told apart from a failure before the answer,
 * whose reasons differ ({@link FailureReasons}).
 */
final class BrokenBodyException extends RuntimeException {

    BrokenBodyException(IOException cause) {
        super(cause.getMessage(), cause, false, false);
    }
}
