import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites, in the packaged application's jars, class files older than Java 6 (major version below 50) as Java 8
 * class files with stack maps, before the training run (run by Maven in {@code package} as a single-file source
 * program, on JDK 25 and later, whose AOT cache this is for).
 *
 * <p>The JDK's AOT cache leaves such classes out (JDK-8317269: they need the old inference verifier), and with them
 * every class that implements or extends one: picocli is compiled for Java 5, so without this its 230 classes, and
 * our converters, handlers and providers, were loaded from the jar and verified on every start. The rewrite keeps
 * every instruction; it only adds the stack maps that the newer format requires. A jar that cannot be rewritten
 * (an unknown supertype, {@code jsr} in old code) is left as it was, with a warning: the cache then lacks it, as it
 * did before.
 *
 * <p>Arguments: the directories whose jars to rewrite.
 */
public class ModernClassFiles {

    private static final int OLDEST_CACHEABLE = ClassFile.JAVA_6_VERSION;
    private static final int REWRITTEN_AS = ClassFile.JAVA_8_VERSION;

    public static void main(String[] args) throws IOException {
        for (String directory : args) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(directory), "*.jar")) {
                for (Path jar : jars) {
                    rewrite(jar);
                }
            }
        }
    }

    private static void rewrite(Path jar) throws IOException {
        Map<ZipEntry, byte[]> entries = new LinkedHashMap<>();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                entries.put(entry, bytes);
                if (entry.getName().endsWith(".class")) {
                    classes.put(entry.getName(), bytes);
                }
            }
        }
        if (classes.values().stream().noneMatch(ModernClassFiles::old)) {
            return;
        }
        // Stack maps name the common supertype of two values: resolved from the jar itself, then from the JDK.
        ClassHierarchyResolver ownClasses = ClassHierarchyResolver.ofResourceParsing(type -> {
            String name = type.descriptorString();
            byte[] bytes = classes.get(name.substring(1, name.length() - 1) + ".class");
            return bytes == null ? null : new ByteArrayInputStream(bytes);
        });
        ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                ownClasses.orElse(ClassHierarchyResolver.defaultResolver())));
        ClassTransform toJava8 = ClassTransform.dropping(ClassFileVersion.class::isInstance)
                // Passing every method body through makes the writer build it anew, with its stack map.
                .andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL))
                .andThen(ClassTransform.endHandler(builder -> builder.withVersion(REWRITTEN_AS, 0)));

        Path rewritten = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".tmp");
        int count = 0;
        try {
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
                for (Map.Entry<ZipEntry, byte[]> entry : entries.entrySet()) {
                    byte[] bytes = entry.getValue();
                    if (entry.getKey().getName().endsWith(".class") && old(bytes)) {
                        ClassModel model = classFile.parse(bytes);
                        bytes = classFile.transformClass(model, toJava8);
                        count++;
                    }
                    ZipEntry copy = new ZipEntry(entry.getKey().getName());
                    copy.setTime(entry.getKey().getTime());
                    out.putNextEntry(copy);
                    out.write(bytes);
                    out.closeEntry();
                }
            }
            if (Files.getFileStore(jar).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(rewritten, Files.getPosixFilePermissions(jar));
            }
            Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("[aot] " + jar.getFileName() + ": " + count + " class files rewritten for the start-up cache");
        } catch (IllegalArgumentException | IllegalStateException e) {
            Files.deleteIfExists(rewritten);
            System.out.println("[aot] WARNING: " + jar.getFileName() + " left as it was, the start-up cache will lack it: "
                    + e.getMessage());
        }
    }

    private static boolean old(byte[] classFile) {
        int major = ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
        return major < OLDEST_CACHEABLE;
    }
}
