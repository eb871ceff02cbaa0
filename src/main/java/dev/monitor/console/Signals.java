package dev.monitor.console;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ctrl-C (SIGINT) and SIGTERM taken over for a while, then handed back to whatever had them before: the JVM's
 * own end, or an outer command's handler.
 * <p>
 * The JDK offers this only through {@code sun.misc.Signal} (module {@code jdk.unsupported}). javac flags every
 * mention of that class with a mandatory warning that no {@code -Xlint} option or {@code @SuppressWarnings}
 * turns off, on every build; so it is named here, as text, and nowhere else in monitor. The lookups take
 * constant names, which native-image resolves at build time; {@code reachability-metadata.json} registers them
 * too.
 */
public final class Signals implements AutoCloseable {

    private static final List<String> ENDING = List.of("INT", "TERM");

    private static final Class<?> SIGNAL;
    private static final Class<?> HANDLER;
    private static final Constructor<?> NEW_SIGNAL;
    private static final Method HANDLE;

    static {
        try {
            SIGNAL = Class.forName("sun.misc.Signal");
            HANDLER = Class.forName("sun.misc.SignalHandler");
            NEW_SIGNAL = SIGNAL.getConstructor(String.class);
            HANDLE = SIGNAL.getMethod("handle", SIGNAL, HANDLER);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Each signal's handler before this one, to be put back. */
    private final Map<String, Object> previous = new LinkedHashMap<>();

    private Signals(Runnable handler) {
        Object ours = Proxy.newProxyInstance(HANDLER.getClassLoader(), new Class<?>[] { HANDLER },
                (proxy, method, args) -> switch (method.getName()) {
                    case "handle" -> {
                        handler.run();
                        yield null;
                    }
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "monitor's handler of " + ENDING;
                });
        ENDING.forEach(name -> previous.put(name, handle(name, ours)));
    }

    /** Until closed, Ctrl-C and SIGTERM run {@code handler}, on the JDK's signal thread, and do nothing else. */
    public static Signals onEnd(Runnable handler) {
        return new Signals(handler);
    }

    /** Puts back the handlers that were in place. */
    @Override
    public void close() {
        previous.forEach(Signals::handle);
    }

    private static Object handle(String name, Object handler) {
        try {
            return HANDLE.invoke(null, NEW_SIGNAL.newInstance(name), handler);
        } catch (InvocationTargetException e) {
            // A signal the JVM keeps for itself (-Xrs): said as the JDK says it.
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot handle SIG" + name + ": " + e, e);
        }
    }
}
