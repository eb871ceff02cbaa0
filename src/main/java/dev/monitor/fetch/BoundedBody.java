package dev.monitor.fetch;

import java.io.ByteArrayOutputStream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A response body read chunk by chunk up to a cap. Passing the cap fails the read, which cancels the
 * request and closes its connection, so a hostile server costs at most the cap in memory, never its body.
 */
final class BoundedBody {

    static final int SERVER_LIST_LIMIT = 64 << 20;
    static final int DETAILS_LIMIT = 64 << 10;

    private BoundedBody() {
    }

    static Uni<byte[]> read(Multi<byte[]> chunks, int limit) {
        return chunks.collect()
                .in(() -> new Buffer(limit), Buffer::append)
                .map(Buffer::bytes);
    }

    /** {@code 65536} is {@code "64 KiB"}. */
    static String size(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }

    private static final class Buffer {
        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Buffer(int limit) {
            this.limit = limit;
        }

        void append(byte[] chunk) {
            if (chunk.length > limit - bytes.size()) {
                throw new InvalidAnswerException("answer larger than " + size(limit));
            }
            bytes.writeBytes(chunk);
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
