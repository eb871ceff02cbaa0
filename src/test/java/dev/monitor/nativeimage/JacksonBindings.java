package dev.monitor.nativeimage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.RecordComponentNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SimpleVerifier;

/**
 * Reads compiled classes (with ASM, so nothing is loaded or initialised) and finds the ones Jackson databind binds
 * by reflection outside the REST client, which a native image can bind only if they are registered for reflection.
 *
 * <p>A class is bound when it carries a Jackson annotation; when its class literal is used in a method that calls
 * databind ({@code ObjectMapper}, {@code ObjectReader}, {@code ObjectWriter}, Vert.x {@code Json}/{@code JsonObject},
 * which delegate to databind); when an instance of it is handed to such a call ({@code writeValueAsString(report)});
 * when it is a type argument of a {@code TypeReference}; and, in turn, every class of this code base reachable from a
 * bound class through its fields, record components and getters. Classes of the REST client interfaces (those with
 * {@code jakarta.ws.rs} annotations) are left out: Quarkus registers what they bind.
 */
final class JacksonBindings {

    private static final List<String> BINDING_OWNERS = List.of("com/fasterxml/jackson/databind/",
            "io/vertx/core/json/Json", "io/vertx/core/json/JsonObject", "io/vertx/core/json/JsonArray");
    private static final String TYPE_REFERENCE = "com/fasterxml/jackson/core/type/TypeReference";
    private static final String REGISTER_FOR_REFLECTION = "Lio/quarkus/runtime/annotations/RegisterForReflection;";
    private static final Pattern CLASS_IN_SIGNATURE = Pattern.compile("L([\\w/$]+)[;<]");

    private final Map<String, ClassNode> classes = new HashMap<>();

    private JacksonBindings(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(".class")).forEach(this::read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JacksonBindings of(Path root) {
        return new JacksonBindings(root);
    }

    /** Every class read, as binary names: proves the scan saw the code it judges. */
    Set<String> scanned() {
        return binaryNames(classes.keySet());
    }

    /** The classes Jackson binds, as binary names, that carry no registration for reflection. */
    Set<String> unregistered() {
        Set<String> unregistered = new TreeSet<>(bound());
        unregistered.removeAll(registered());
        return unregistered;
    }

    Set<String> bound() {
        Set<String> restClient = restClientTypes();
        Deque<String> pending = new ArrayDeque<>();
        for (ClassNode node : classes.values()) {
            if (restClient.contains(node.name)) {
                continue;
            }
            if (hasJacksonAnnotation(node)) {
                pending.add(node.name);
            }
            if (TYPE_REFERENCE.equals(node.superName) && node.signature != null) {
                pending.addAll(projectClassesIn(node.signature));
            }
            for (MethodNode method : node.methods) {
                pending.addAll(boundIn(node, method));
            }
        }
        Set<String> bound = new TreeSet<>();
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (!restClient.contains(name) && bound.add(name)) {
                pending.addAll(reachableFrom(classes.get(name)));
            }
        }
        return binaryNames(bound);
    }

    /** Classes annotated {@code @RegisterForReflection}, and those it names in {@code targets} or {@code classNames}. */
    Set<String> registered() {
        Set<String> registered = new TreeSet<>();
        for (ClassNode node : classes.values()) {
            for (AnnotationNode annotation : annotations(node.visibleAnnotations, node.invisibleAnnotations)) {
                if (!REGISTER_FOR_REFLECTION.equals(annotation.desc)) {
                    continue;
                }
                List<Object> values = annotation.values == null ? List.of() : annotation.values;
                boolean namesOthers = false;
                for (int i = 0; i < values.size(); i += 2) {
                    if (values.get(i).equals("targets")) {
                        ((List<?>) values.get(i + 1)).forEach(type -> registered.add(((Type) type).getClassName()));
                        namesOthers = true;
                    } else if (values.get(i).equals("classNames")) {
                        ((List<?>) values.get(i + 1)).forEach(name -> registered.add((String) name));
                        namesOthers = true;
                    }
                }
                if (!namesOthers) {
                    registered.add(Type.getObjectType(node.name).getClassName());
                }
            }
        }
        return registered;
    }

    private void read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            ClassNode node = new ClassNode();
            new ClassReader(in).accept(node, 0);
            classes.put(node.name, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> restClientTypes() {
        Set<String> types = new HashSet<>();
        for (ClassNode node : classes.values()) {
            boolean restInterface = (node.access & Opcodes.ACC_INTERFACE) != 0
                    && (hasJaxRs(annotations(node.visibleAnnotations, node.invisibleAnnotations))
                            || node.methods.stream().anyMatch(m -> hasJaxRs(annotations(m.visibleAnnotations, m.invisibleAnnotations))));
            if (restInterface) {
                for (MethodNode method : node.methods) {
                    types.addAll(projectClassesIn(method.signature != null ? method.signature : method.desc));
                }
            }
        }
        // What a REST payload refers to is bound, and registered, by the REST client too.
        Deque<String> pending = new ArrayDeque<>(types);
        while (!pending.isEmpty()) {
            for (String reached : reachableFrom(classes.get(pending.pop()))) {
                if (types.add(reached)) {
                    pending.add(reached);
                }
            }
        }
        return types;
    }

    /** Class literals and argument types that one method hands to databind. */
    private Set<String> boundIn(ClassNode owner, MethodNode method) {
        Set<String> bound = new HashSet<>();
        boolean callsDatabind = false;
        for (AbstractInsnNode instruction : method.instructions) {
            if (instruction instanceof MethodInsnNode call && isDatabind(call.owner)) {
                callsDatabind = true;
            }
        }
        if (!callsDatabind) {
            return bound;
        }
        Frame<BasicValue>[] frames = frames(owner, method);
        for (int i = 0; i < method.instructions.size(); i++) {
            AbstractInsnNode instruction = method.instructions.get(i);
            if (instruction instanceof LdcInsnNode ldc && ldc.cst instanceof Type type && type.getSort() == Type.OBJECT) {
                bound.addAll(projectClassesIn(type.getDescriptor()));
            }
            if (instruction instanceof MethodInsnNode call && isDatabind(call.owner) && frames != null && frames[i] != null) {
                Type[] parameters = Type.getArgumentTypes(call.desc);
                Frame<BasicValue> frame = frames[i];
                for (int p = 0; p < parameters.length; p++) {
                    if (parameters[p].getDescriptor().equals("Ljava/lang/Object;")) {
                        BasicValue argument = frame.getStack(frame.getStackSize() - parameters.length + p);
                        if (argument.getType() != null) {
                            bound.addAll(projectClassesIn(argument.getType().getDescriptor()));
                        }
                    }
                }
            }
        }
        return bound;
    }

    /** The static type of every stack slot; null when this method cannot be analysed (then only literals count). */
    private Frame<BasicValue>[] frames(ClassNode owner, MethodNode method) {
        SimpleVerifier verifier = new SimpleVerifier(Type.getObjectType(owner.name),
                owner.superName == null ? null : Type.getObjectType(owner.superName),
                (owner.access & Opcodes.ACC_INTERFACE) != 0);
        verifier.setClassLoader(JacksonBindings.class.getClassLoader());
        try {
            return new Analyzer<>(verifier).analyze(owner.name, method);
        } catch (AnalyzerException e) {
            return null;
        }
    }

    /** This code base's classes that binding {@code node} binds too: field, component and getter types, and its supertype. */
    private Set<String> reachableFrom(ClassNode node) {
        Set<String> reached = new HashSet<>();
        if (node == null) {
            return reached;
        }
        if (node.superName != null) {
            reached.addAll(projectClassesIn("L" + node.superName + ";"));
        }
        for (FieldNode field : node.fields) {
            if ((field.access & Opcodes.ACC_STATIC) == 0) {
                reached.addAll(projectClassesIn(field.signature != null ? field.signature : field.desc));
            }
        }
        if (node.recordComponents != null) {
            for (RecordComponentNode component : node.recordComponents) {
                reached.addAll(projectClassesIn(component.signature != null ? component.signature : component.descriptor));
            }
        }
        for (MethodNode method : node.methods) {
            boolean getter = (method.access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC)) == Opcodes.ACC_PUBLIC
                    && method.desc.startsWith("()") && (method.name.startsWith("get") || method.name.startsWith("is"));
            if (getter) {
                reached.addAll(projectClassesIn(method.signature != null ? method.signature : method.desc));
            }
        }
        return reached;
    }

    private Set<String> projectClassesIn(String signature) {
        Set<String> found = new HashSet<>();
        Matcher matcher = CLASS_IN_SIGNATURE.matcher(signature);
        while (matcher.find()) {
            if (classes.containsKey(matcher.group(1))) {
                found.add(matcher.group(1));
            }
        }
        return found;
    }

    private static boolean isDatabind(String owner) {
        return BINDING_OWNERS.stream().anyMatch(prefix -> owner.startsWith(prefix));
    }

    private static boolean hasJacksonAnnotation(ClassNode node) {
        Stream<AnnotationNode> onClass = annotations(node.visibleAnnotations, node.invisibleAnnotations).stream();
        Stream<AnnotationNode> onFields = node.fields.stream()
                .flatMap(f -> annotations(f.visibleAnnotations, f.invisibleAnnotations).stream());
        Stream<AnnotationNode> onMethods = node.methods.stream()
                .flatMap(m -> annotations(m.visibleAnnotations, m.invisibleAnnotations).stream());
        Stream<AnnotationNode> onComponents = node.recordComponents == null ? Stream.empty()
                : node.recordComponents.stream().flatMap(c -> annotations(c.visibleAnnotations, c.invisibleAnnotations).stream());
        return Stream.of(onClass, onFields, onMethods, onComponents).flatMap(s -> s)
                .anyMatch(a -> a.desc.startsWith("Lcom/fasterxml/jackson/annotation/")
                        || a.desc.startsWith("Lcom/fasterxml/jackson/databind/annotation/"));
    }

    private static boolean hasJaxRs(List<AnnotationNode> annotations) {
        return annotations.stream().anyMatch(a -> a.desc.startsWith("Ljakarta/ws/rs/"));
    }

    private static List<AnnotationNode> annotations(List<AnnotationNode> visible, List<AnnotationNode> invisible) {
        return Stream.of(visible, invisible).filter(list -> list != null).flatMap(List::stream).toList();
    }

    private static Set<String> binaryNames(Set<String> internalNames) {
        Set<String> names = new TreeSet<>();
        internalNames.forEach(name -> names.add(Type.getObjectType(name).getClassName()));
        return names;
    }
}
