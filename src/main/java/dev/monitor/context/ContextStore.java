package dev.monitor.context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import dev.monitor.files.AtomicFile;
import org.yaml.snakeyaml.DumperOptions;
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

    public Path file(Map<String, String> env) {
        String explicit = env.get("MONITOR_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("monitor").resolve("config.yaml");
    }

    public Contexts read(Path file) {
        if (!Files.exists(file)) {
            return Contexts.EMPTY;
        }
        try {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Files.readString(file, StandardCharsets.UTF_8));
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
        } catch (IOException | YAMLException e) {
            throw new ContextException("cannot read " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** A broken entry is kept with its problem, so that one bad entry does not take the whole file down. */
    private static ContextEntry entry(Path file, Object node) {
        try {
            return ClusterContext.fromYaml(node);
        } catch (ContextException e) {
            return new BrokenContext(file, e.getMessage(), node);
        }
    }

    public void write(Path file, Contexts contexts) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        if (contexts.current() != null) {
            root.put("current-context", contexts.current());
        }
        Map<String, Object> all = new LinkedHashMap<>();
        contexts.entries().forEach((name, entry) -> all.put(name, switch (entry) {
            case ClusterContext context -> context.toYaml();
            case BrokenContext broken -> broken.yaml();
        }));
        root.put("contexts", all);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        String yaml = new Yaml(options).dump(root);

        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        AtomicFile.replace(file, "rw-------", out -> out.write(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
