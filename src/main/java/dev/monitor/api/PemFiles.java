package dev.monitor.api;

import java.io.IOException;
import java.nio.file.Path;

import dev.monitor.files.BoundedFile;
import dev.monitor.files.FileFailures;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;

/**
 * The PEM files of TLS (a CA bundle, a certificate and its key), read by monitor up to a cap rather than by the
 * HTTP stack, which would read {@code /dev/zero} until memory runs out.
 */
public final class PemFiles {

    /** The JDK's own bundle of every public CA is about 200 KiB: twenty times that is no PEM file a cluster needs. */
    static final int CAP = 4 << 20;

    private PemFiles() {
    }

    /**
     * @param option the option that named the file, for the message
     * @throws IllegalArgumentException saying, after the option and the file, why it cannot be read
     */
    static byte[] read(String option, Path file) {
        try {
            return BoundedFile.read(file, CAP);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + ": cannot read it ("
                    + FileFailures.unreadable(file, e) + ")", e);
        }
    }

    /** A certificate (chain) and its private key, PKCS#8 or RSA, as Vert.x reads them. */
    public static PemKeyCertOptions keyCert(String certOption, Path cert, String keyOption, Path key) {
        return new PemKeyCertOptions()
                .setCertValue(Buffer.buffer(read(certOption, cert)))
                .setKeyValue(Buffer.buffer(read(keyOption, key)));
    }
}
