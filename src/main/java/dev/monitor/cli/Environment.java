package dev.monitor.cli;

import java.util.Map;

import jakarta.inject.Singleton;

/**
 * The environment variables a command reads itself: the contexts file ({@code $MONITOR_CONFIG},
 * {@code $XDG_CONFIG_HOME}), credentials, proxies and the terminal. One bean rather than {@code System.getenv()} at
 * each use, so that a command's inputs are all handed to it; option defaults from the environment
 * ({@code $MONITOR_MIN_HEALTHY}) come through MicroProfile Config instead (ConfigDefaultProvider).
 */
@Singleton
public class Environment {

    public Map<String, String> variables() {
        return System.getenv();
    }
}
