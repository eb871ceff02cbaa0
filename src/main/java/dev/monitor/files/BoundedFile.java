package dev.monitor.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A small input read whole into memory, never more than a cap that fits what it holds (a token: kilobytes; a CA
 * bundle: megabytes), so that {@code /dev/zero}, a FIFO that never ends or a file grown by mistake costs the cap
 * and no more. A regular file over the cap is refused before it is read; anything else (standard input, a pipe
 * such as {@code <(vault read ...)}, a device) is read up to the cap and refused past it.
 */
public final class BoundedFile {

    /** More than the cap: the message says so ({@code larger than 8 KiB}) and never quotes the content. */
    public static final class TooLargeException extends IOException {
        TooLargeException(int cap) {
            super("larger than " + size(cap));
        }
    }

    private BoundedFile() {
    }

    /** @throws TooLargeException when the file holds more than {@code cap} bytes */
    public static byte[] read(Path file, int cap) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isRegularFile() && attributes.size() > cap) {
            throw new TooLargeException(cap);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, cap);
        }
    }

    /** @throws TooLargeException when the stream gives more than {@code cap} bytes */
    public static byte[] read(InputStream in, int cap) throws IOException {
        byte[] bytes = in.readNBytes(cap + 1);
        if (bytes.length > cap) {
            throw new TooLargeException(cap);
        }
        return bytes;
    }

    /** {@code 65536} is {@code "64 KiB"}. */
    public static String size(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
