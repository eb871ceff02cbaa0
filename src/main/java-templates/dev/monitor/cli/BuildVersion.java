package dev.monitor.cli;

/**
 * The version this build was made as, written in by Maven (templating-maven-plugin): a constant, so that
 * {@code --version} is answered before the application starts, in the JVM and in a native executable alike.
 */
final class BuildVersion {

    static final String VALUE = "${project.version}";

    private BuildVersion() {
    }
}
