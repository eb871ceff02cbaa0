package dev.monitor.cli;

import org.eclipse.microprofile.config.ConfigProvider;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Takes each option's default from MicroProfile Config: {@code --cpu-limit} of the top command reads
 * {@code monitor.cpu-limit}, {@code --port} of {@code mock-server} reads {@code monitor.mock-server.port}.
 * So a flag beats an environment variable ({@code MONITOR_CPU_LIMIT}), which beats
 * {@code application.properties}, where every default is written once; and {@code --help} shows the
 * value in force.
 */
public class ConfigDefaultProvider implements IDefaultValueProvider {

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option) || !option.longestName().startsWith("--")) {
            return null;
        }
        var config = ConfigProvider.getConfig();
        // A subcommand that shares the top command's options (as __complete does) shares their defaults too.
        return config.getOptionalValue(key(option), String.class)
                .or(() -> config.getOptionalValue("monitor." + option.longestName().substring(2), String.class))
                .orElse(null);
    }

    static String key(OptionSpec option) {
        StringBuilder key = new StringBuilder(option.longestName().substring(2));
        for (CommandSpec command = option.command(); command.parent() != null; command = command.parent()) {
            key.insert(0, command.name() + ".");
        }
        return "monitor." + key;
    }
}
