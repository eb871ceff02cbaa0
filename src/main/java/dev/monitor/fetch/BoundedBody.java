package dev.monitor.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import dev.monitor.api.ConnectionRelease;
import dev.monitor.files.BoundedFile;
import io.smallrye.mutiny.Uni;

/**
 * A response body read up to a cap. Passing the cap fails the read, so a hostile server costs at most the cap
 * in memory, never its body.
 */
final class BoundedBody {

    static final int SERVER_LIST_LIMIT = 64 << 20;
    static final int DETAILS_LIMIT = 64 << 10;

    /**
     * The client's calls block until the answer comes, and reading the body blocks between its chunks: each
     * runs on a virtual thread of its own, so a thousand requests in flight cost a thousand small stacks,
     * not a thousand platform threads, and the fan-out stays a Mutiny merge.
     */
    private static final Executor READERS = command -> Thread.ofVirtual().name("monitor-read").start(command);

    private BoundedBody() {
    }

    /**
     * The body {@code request} answers. A read given up (its deadline passed, or the body passed the cap) closes
     * its connection, so that a server that trickles or floods costs one connection for its own timeout only.
     */
    static Uni<byte[]> read(Supplier<InputStream> request, int limit) {
        return Uni.createFrom().deferred(() -> {
            ConnectionRelease release = new ConnectionRelease();
            return Uni.createFrom().item(() -> {
                try (InputStream body = release.around(request)) {
                    if (body == null) {
                        // A 204 No Content: the client hands over no stream at all.
                        throw new InvalidAnswerException("empty answer");
                    }
                    byte[] bytes = readUpTo(body, limit);
                    if (bytes.length > limit) {
                        release.release();
                        throw new InvalidAnswerException("answer larger than " + BoundedFile.size(limit));
                    }
                    return bytes;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).runSubscriptionOn(READERS).onCancellation().invoke(release::release);
        });
    }

    /** Up to {@code limit + 1} bytes, so that passing the cap shows. */
    private static byte[] readUpTo(InputStream body, int limit) {
        try {
            return body.readNBytes(limit + 1);
        } catch (IOException e) {
            throw new BrokenBodyException(e);
        }
    }

}
