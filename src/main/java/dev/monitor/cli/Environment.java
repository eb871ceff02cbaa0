package dev.monitor.cli;

import java.util.Map;

import jakarta.inject.Singleton;

/**
 * The environment variables a command reads as it runs: the contexts file ({@code $MONITOR_CONFIG},
 * {@code $XDG_CONFIG_HOME}), credentials ({@code $MONITOR_TOKEN}), proxies ({@code $HTTPS_PROXY}, ...), colour and
 * width ({@code $NO_COLOR}, {@code $TERM}, {@code $COLUMNS}). One bean rather than {@code System.getenv()} at each
 * use, so that they are handed to the command like its other inputs. Option defaults from the environment
 * ({@code $MONITOR_MIN_HEALTHY}) come through MicroProfile Config instead (ConfigDefaultProvider).
 */
@Singleton
public class Environment {

    public Map<String, String> variables() {
        return System.getenv();
    }
}
