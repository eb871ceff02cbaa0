package dev.monitor.snapshot;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.monitor.files.BaseDirectories;
import dev.monitor.files.OwnFile;

/**
 * Owns the snapshot files: where each endpoint's file lives, reading it, and replacing it atomically.
 * One file per endpoint, so a run against port 8081 never reads 8080's data.
 */
@ApplicationScoped
public class SnapshotRepository {

    private static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    /** What {@link #fileFor} writes: host and port made safe, a dash, six bytes of digest in hex, {@code .json}. */
    private static final Pattern ENDPOINT_FILE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*-[0-9a-f]{12}\\.json");

    private final Path cacheDirectory;
    private final SnapshotCodec codec = new SnapshotCodec();

    public SnapshotRepository(@ConfigProperty(name = "monitor.cache-dir") Optional<Path> cacheDirectory) {
        this.cacheDirectory = cacheDirectory.orElseGet(() -> BaseDirectories.cache(System.getenv()).resolve("monitor"));
    }

    /** The default file of an endpoint's whole cluster: readable host and port, plus a digest of the whole URI. */
    public Path fileFor(URI endpoint) {
        return fileFor(endpoint, Shard.WHOLE);
    }

    /**
     * The default file of a shard of an endpoint's cluster: the shards of one cluster, run side by side, each keep
     * their own snapshot and verdict history rather than replacing each other's at every fetch. The whole cluster's
     * file is named as before shards.
     */
    public Path fileFor(URI endpoint, Shard shard) {
        String readable = (endpoint.getHost() + "_" + endpoint.getPort()).replaceAll("[^A-Za-z0-9._-]", "_");
        if (shard.isWhole()) {
            return cacheDirectory.resolve(readable + "-" + digest(endpoint.toString()) + ".json");
        }
        String share = "shard" + shard.number() + "of" + shard.of();
        return cacheDirectory.resolve(readable + "_" + share + "-" + digest(endpoint + " " + share) + ".json");
    }

    /**
     * The endpoint's file in the cache directory most recently written; empty when there is none, or the directory
     * cannot be listed.
     */
    public Optional<Path> newest() {
        try (Stream<Path> files = Files.list(cacheDirectory)) {
            // The history beside a snapshot is written after it, so "the newest .json" would always be that.
            return files.filter(SnapshotRepository::isEndpointSnapshot)
                    .max(Comparator.comparing(SnapshotRepository::modified));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the file is named as {@link #fileFor} names an endpoint's snapshot: not the history beside it
     * ({@code .history.json}), a file set aside ({@code .unreadable}) or a temporary file.
     */
    private static boolean isEndpointSnapshot(Path file) {
        return ENDPOINT_FILE.matcher(file.getFileName().toString()).matches();
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The snapshot in the file, or empty when there is none.
     *
     * @throws UnreadableSnapshotException when the file exists but cannot be used
     */
    public Optional<Snapshot> read(Path file) {
        return OwnFile.read(file, codec::read, UnreadableSnapshotException::new);
    }

    /**
     * Replaces the file with the snapshot: written to a private temporary file beside it, flushed to disk,
     * then renamed over it, so that readers and a crash only ever see the old file or the new one.
     * The rename replaces a symbolic link planted at the path instead of writing through it.
     *
     * <p>
     * Concurrent runs need no lock: each writes a whole snapshot to its own temporary file, and rename is
     * atomic within a directory, so the file is always one run's complete snapshot, the last one renamed.
     * A lock would only decide which of two equally fresh snapshots survives.
     */
    public void write(Path file, Snapshot snapshot) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        if (directory != null && !Files.isDirectory(directory)) {
            // The cache holds what the cluster looks like: for its owner's eyes only.
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
        }
        codec.replace(file, snapshot);
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
