package dev.monitor.files;

import java.io.IOException;

/** A file that monitor would replace holds something it did not write, and is kept: the user may need it. */
public final class ForeignFileException extends IOException {

    ForeignFileException(String reason) {
        super(reason);
    }
}
