package dev.monitor.context;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.comments.CommentType;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.CommentEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The contexts file as YAML nodes, its comments among them, for the commands that change it. A change edits
 * only the nodes of what it changes, so everything else the user saved (comments, keys monitor does not know
 * outside the entries, broken entries, the order of entries and keys) is written back as it was. SnakeYAML re-emits what it keeps in its own
 * layout, though: an end-of-line comment follows its value after one space, flow mappings lose their inner
 * spaces.
 */
final class ContextsDocument {

    private static final String CURRENT = "current-context";
    private static final String CONTEXTS = "contexts";

    private final Yaml yaml;
    private final MappingNode root;

    private ContextsDocument(Yaml yaml, MappingNode root) {
        this.yaml = yaml;
        this.root = root;
    }

    /**
     * @param text the content of the file, which {@link ContextStore#read} could read, or empty for a new one
     * @throws ContextException when the file holds a comment this document could not keep
     */
    static ContextsDocument parse(Path file, String text) {
        LoaderOptions loading = new LoaderOptions();
        loading.setProcessComments(true);
        DumperOptions dumping = new DumperOptions();
        dumping.setProcessComments(true);
        dumping.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Yaml yaml = new Yaml(new SafeConstructor(loading), new Representer(dumping), dumping, loading);
        refuseCommentsInBrackets(file, yaml, text);
        Node node = yaml.compose(new StringReader(text));
        if (node instanceof MappingNode mapping && !Tag.COMMENT.equals(mapping.getTag())) {
            return new ContextsDocument(yaml, mapping);
        }
        // No file, or one of nothing but comments (which SnakeYAML composes as a mapping tagged comment).
        MappingNode empty = blockMapping();
        if (node != null) {
            empty.setBlockComments(node.getBlockComments());
        }
        return new ContextsDocument(yaml, empty);
    }

    /**
     * SnakeYAML drops a comment inside {@code { }} or {@code [ ]}, or fails on it: refused, so that a rewrite never
     * loses one in silence.
     */
    private static void refuseCommentsInBrackets(Path file, Yaml yaml, String text) {
        Deque<Boolean> flows = new ArrayDeque<>();
        for (Event event : yaml.parse(new StringReader(text))) {
            if (event instanceof CollectionStartEvent start) {
                flows.push(start.isFlow());
            } else if (event instanceof CollectionEndEvent) {
                flows.pop();
            } else if (event instanceof CommentEvent comment && flows.contains(true)) {
                throw new ContextException(file + ": line " + (comment.getStartMark().getLine() + 1) + ": a comment "
                        + "inside { } or [ ], which would be lost to the rewrite (move it out of the brackets)");
            }
        }
    }

    /**
     * Turns the document from what {@code before} says into what {@code after} says: an entry gone from
     * {@code after} is removed, a context that is new or different is put, and current-context follows.
     */
    void change(Contexts before, Contexts after) {
        before.entries().keySet().stream().filter(name -> !after.entries().containsKey(name)).forEach(this::remove);
        after.entries().forEach((name, entry) -> {
            // A broken entry cannot have been changed (only a context can be added), so it stays as it is.
            if (entry instanceof ClusterContext context && !entry.equals(before.entries().get(name))) {
                put(name, context);
            }
        });
        if (!Objects.equals(before.current(), after.current())) {
            current(after.current());
        }
    }

    String text() {
        StringWriter out = new StringWriter();
        yaml.serialize(root, out);
        return out.toString();
    }

    /**
     * Appends the context, or rewrites the entry of its name key by key: an option not given takes its key out,
     * and so does a key monitor does not know. The comments of the entry and of the keys kept stay.
     */
    private void put(String name, ClusterContext context) {
        MappingNode contexts = contexts();
        MappingNode fresh = (MappingNode) yaml.represent(context.toYaml());
        int at = lastIndexOf(contexts, name);
        if (at < 0) {
            contexts.getValue().add(new NodeTuple(yaml.represent(name), fresh));
        } else if (contexts.getValue().get(at).getValueNode() instanceof MappingNode entry) {
            fresh.getValue().forEach(tuple -> set(entry, key(tuple), tuple.getValueNode()));
            // Every key the context does not hold goes: an option not given again, and a key monitor does not
            // know, which made the entry broken (ClusterContext.KEYS) and which this context replaces.
            entry.getValue().stream().map(ContextsDocument::key).filter(Objects::nonNull)
                    .filter(key -> lastIndexOf(fresh, key) < 0).distinct()
                    .toList().forEach(key -> removeAll(entry, key));
        } else {
            // Not a mapping (a broken entry such as "prod: oops"): there is nothing in it to keep.
            contexts.getValue().set(at, new NodeTuple(contexts.getValue().get(at).getKeyNode(), fresh));
        }
    }

    private void remove(String name) {
        removeAll(contexts(), name);
    }

    /** Sets current-context, or takes it out when there is none (its context was removed). */
    private void current(String name) {
        if (name == null) {
            removeAll(root, CURRENT);
        } else if (lastIndexOf(root, CURRENT) >= 0) {
            set(root, CURRENT, yaml.represent(name));
        } else {
            // First, as monitor has always written it; below the file's header, which the first key holds.
            List<NodeTuple> keys = root.getValue();
            Node key = yaml.represent(CURRENT);
            if (!keys.isEmpty()) {
                Node first = keys.get(0).getKeyNode();
                List<CommentLine> comments = comments(first);
                key.setBlockComments(new ArrayList<>(comments.subList(0, sectionEnd(comments))));
                first.setBlockComments(new ArrayList<>(comments.subList(sectionEnd(comments), comments.size())));
            }
            keys.add(0, new NodeTuple(key, yaml.represent(name)));
        }
    }

    /** The mapping of the entries, made one if the file has none (or an empty {@code contexts:}). */
    private MappingNode contexts() {
        int at = lastIndexOf(root, CONTEXTS);
        if (at >= 0 && root.getValue().get(at).getValueNode() instanceof MappingNode contexts) {
            if (contexts.getValue().isEmpty()) {
                // SnakeYAML writes an empty mapping as "{}", which would keep every entry added to it on one line.
                contexts.setFlowStyle(DumperOptions.FlowStyle.BLOCK);
            }
            return contexts;
        }
        MappingNode contexts = blockMapping();
        set(root, CONTEXTS, contexts);
        return contexts;
    }

    /** Replaces the value of the key in place, or appends the key; an end-of-line comment on a value stays. */
    private void set(MappingNode mapping, String key, Node value) {
        int at = lastIndexOf(mapping, key);
        if (at < 0) {
            mapping.getValue().add(new NodeTuple(yaml.represent(key), value));
            return;
        }
        NodeTuple old = mapping.getValue().get(at);
        if (old.getValueNode() instanceof ScalarNode && value instanceof ScalarNode) {
            value.setInLineComments(old.getValueNode().getInLineComments());
        }
        mapping.getValue().set(at, new NodeTuple(old.getKeyNode(), value));
    }

    /**
     * Takes out every tuple of the key (a duplicate too, so that the key is really gone). The comments right
     * above it go with it; those a blank line parts from it head a section, and the first key's head the
     * file, so they stay, above the next key or at the end of the mapping.
     */
    private void removeAll(MappingNode mapping, String key) {
        for (int at = lastIndexOf(mapping, key); at >= 0; at = lastIndexOf(mapping, key)) {
            List<CommentLine> comments = comments(mapping.getValue().remove(at).getKeyNode());
            List<CommentLine> kept = new ArrayList<>(mapping == root && at == 0 ? comments
                    : comments.subList(0, sectionEnd(comments)));
            if (kept.isEmpty()) {
                continue;
            }
            if (at < mapping.getValue().size()) {
                Node next = mapping.getValue().get(at).getKeyNode();
                kept.addAll(comments(next));
                next.setBlockComments(kept);
            } else {
                kept.addAll(mapping.getEndComments() == null ? List.of() : mapping.getEndComments());
                mapping.setEndComments(kept);
            }
        }
    }

    /** How many of the comments above a key come before its last blank line: they are not about the key. */
    private static int sectionEnd(List<CommentLine> comments) {
        for (int i = comments.size() - 1; i >= 0; i--) {
            if (comments.get(i).getCommentType() == CommentType.BLANK_LINE) {
                return i + 1;
            }
        }
        return 0;
    }

    private static List<CommentLine> comments(Node key) {
        return key.getBlockComments() == null ? List.of() : key.getBlockComments();
    }

    /** The last, as a reader of the file takes the last of duplicate keys; -1 when it has none. */
    private static int lastIndexOf(MappingNode mapping, String key) {
        List<NodeTuple> tuples = mapping.getValue();
        for (int i = tuples.size() - 1; i >= 0; i--) {
            if (key.equals(key(tuples.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private static String key(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    private static MappingNode blockMapping() {
        return new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
    }
}
