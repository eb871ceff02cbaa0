package dev.monitor.context;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import dev.monitor.files.AtomicFile;
import dev.monitor.files.BaseDirectories;
import dev.monitor.files.BoundedFile;
import dev.monitor.files.FileFailures;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The contexts file: {@code $MONITOR_CONFIG}, else {@code $XDG_CONFIG_HOME/monitor/config.yaml}, else
 * {@code ~/.config/monitor/config.yaml}. Written to a private temporary file (mode 0600) and renamed over the
 * old one, so a crash never leaves half a file and no other user can read it.
 */
public class ContextStore {

    /** Hundreds of contexts fit in a few KiB: a file a thousand times that is not one to parse on every run. */
    static final int CAP = 1 << 20;
    /** A path may be 4 KiB long; a line four times that holds something else. */
    static final int LINE_CAP = 16 << 10;

    public Path file(Map<String, String> env) {
        String explicit = env.get("MONITOR_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        return BaseDirectories.config(env).resolve("monitor").resolve("config.yaml");
    }

    public Contexts read(Path file) {
        return contexts(file, text(file));
    }

    /**
     * Reads the file, changes its contexts and writes back only what the change touched (ContextsDocument): the
     * user's comments and keys monitor does not know are not lost to a rewrite.
     *
     * @throws ContextException when the file cannot be read, or the change refuses
     * @throws IOException      when the file cannot be written
     */
    public void update(Path file, UnaryOperator<Contexts> change) throws IOException {
        String text = text(file);
        Contexts before = contexts(file, text);
        ContextsDocument document = ContextsDocument.parse(file, text);
        document.change(before, change.apply(before));
        byte[] yaml = document.text().getBytes(StandardCharsets.UTF_8);

        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.replace(file, "rw-------", out -> out.write(yaml));
    }

    /**
     * Empty when there is no file yet. Checked before SnakeYAML sees it: its time grows with the square of the
     * longest line (a 10 MB comment takes it half a minute), so the file is capped, and so are its lines.
     */
    private static String text(Path file) {
        if (!Files.exists(file)) {
            return "";
        }
        // A FIFO would hold every run up until something writes into it, and a rewrite would replace it.
        FileFailures.special(file).ifPresent(kind -> {
            throw new ContextException(file + " is " + kind + ", not a contexts file");
        });
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(BoundedFile.read(file, CAP))).toString();
        } catch (CharacterCodingException e) {
            throw new ContextException("cannot read " + file + ": it is not UTF-8 text");
        } catch (IOException e) {
            throw new ContextException("cannot read " + file + ": " + FileFailures.unreadable(file, e));
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].length() > LINE_CAP) {
                throw new ContextException(file + ": line " + (i + 1) + " is longer than "
                        + BoundedFile.size(LINE_CAP) + ", which no url, path or name needs");
            }
        }
        return text;
    }

    private static Contexts contexts(Path file, String text) {
        try {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            if (root == null) {
                return Contexts.EMPTY;
            }
            if (!(root instanceof Map<?, ?> map)) {
                throw new ContextException(file + " is not a monitor contexts file");
            }
            TreeMap<String, ContextEntry> entries = new TreeMap<>();
            if (map.get("contexts") instanceof Map<?, ?> contexts) {
                contexts.forEach((name, node) -> entries.put(String.valueOf(name), entry(file, node)));
            }
            Object current = map.get("current-context");
            return new Contexts(current == null ? null : String.valueOf(current), entries);
        } catch (YAMLException e) {
            throw unreadable(file, e);
        }
    }

    private static ContextException unreadable(Path file, Exception e) {
        return new ContextException("cannot read " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
    }

    /** A broken entry is kept with its problem, so that one bad entry does not take the whole file down. */
    private static ContextEntry entry(Path file, Object node) {
        try {
            return ClusterContext.fromYaml(node);
        } catch (ContextException e) {
            return new BrokenContext(file, e.getMessage());
        }
    }
}
