package dev.monitor.files;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where monitor keeps its files by default, as the XDG base directory spec says: {@code $XDG_CONFIG_HOME} and
 * {@code $XDG_CACHE_HOME} when they are absolute paths (the spec tells a program to ignore a relative one), else
 * {@code .config} and {@code .cache} in the home directory. The home directory is {@code $HOME}, as the shell and
 * other tools take it, so that a job run with another {@code HOME} keeps its files there; the account's home
 * only when {@code HOME} is unset.
 */
public final class BaseDirectories {

    private BaseDirectories() {
    }

    public static Path config(Map<String, String> env) {
        return base(env, "XDG_CONFIG_HOME", ".config");
    }

    public static Path cache(Map<String, String> env) {
        return base(env, "XDG_CACHE_HOME", ".cache");
    }

    private static Path base(Map<String, String> env, String variable, String inHome) {
        Path xdg = absolute(env.get(variable));
        return xdg != null ? xdg : home(env).resolve(inHome);
    }

    private static Path home(Map<String, String> env) {
        Path home = absolute(env.get("HOME"));
        return home != null ? home : Path.of(System.getProperty("user.home"));
    }

    private static Path absolute(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Path path = Path.of(text);
            return path.isAbsolute() ? path : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
