package dev.monitor.cli;

import picocli.CommandLine.IVersionProvider;

/** The version of this build ({@link BuildVersion}), the one line {@code --version} prints. */
public class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] { line() };
    }

    static String line() {
        return "monitor " + version();
    }

    static String version() {
        return BuildVersion.VALUE;
    }
}
