package dev.monitor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM launcher ({@code src/main/launcher/monitor}, built into {@code target/monitor}) laid out as the build
 * lays it out, run on stand-in JDKs whose {@code java} records the options it was given: which JDK it picks,
 * which options each JDK gets, and when the start-up cache is used.
 */
class LauncherTest {

    /**
     * Records its options (the last run's in ran-with, one line a run in runs); a run that records its classes
     * writes {@code $FAKE_CLASSES} as the JVM writes a class list, and a cache dump writes the cache file.
     */
    private static final String FAKE_JAVA = """
            #!/bin/sh
            printf '%s\\n' "$@" > "$(dirname "$0")/../ran-with"
            echo "$*" >> "$(dirname "$0")/../runs"
            for a in "$@"; do
              case "$a" in
                -XX:DumpLoadedClassList=*) printf '# a class list\\n%b\\n' "${FAKE_CLASSES:-java/lang/Object id: 0}" > "${a#*=}" ;;
                -XX:SharedArchiveFile=*) case " $* " in *" -Xshare:dump "*) echo trained > "${a#*=}" ;; esac ;;
              esac
            done
            """;

    @TempDir
    Path install;

    @TempDir
    Path jdks;

    Path jar;

    @BeforeEach
    void layOutTheBuild() throws IOException {
        Files.copy(Path.of("src/main/launcher/monitor"), install.resolve("monitor"));
        executable(install.resolve("monitor"));
        jar = Files.createDirectories(install.resolve("quarkus-app")).resolve("quarkus-run.jar");
        Files.writeString(jar, "stand-in");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
    }

    @Test
    void runsTheJarOnTheJdkOfJavaHomeWithTheShortLivedOptions() throws Exception {
        Path jdk25 = jdk("25.0.3", "25.0.3+9-LTS");

        Run run = launch(Map.of("JAVA_HOME", jdk25.toString()), "--port", "8080");

        assertThat(run.exitCode()).isZero();
        assertThat(ranWith(jdk25)).contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                .endsWith("-jar", jar.toString(), "--port", "8080");
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void theHeapIsSizedByTheLauncherNotByTheHostsMemoryAndTrainingGetsTheSameHeap() throws Exception {
        Path jdk25 = jdk("25.0.3", "25.0.3+9-LTS");

        launch(Map.of("JAVA_HOME", jdk25.toString()), "--version");
        List<String> run = heapOptions(ranWith(jdk25));
        launch(Map.of("JAVA_HOME", jdk25.toString(), "MONITOR_TRAIN", "1"), "--version");
        List<String> training = heapOptions(ranWith(jdk25));

        // Initial, young and maximum size all given: nothing is left to the JVM's share of the host's memory.
        assertThat(run).anyMatch(option -> option.startsWith("-Xms")).anyMatch(option -> option.startsWith("-Xmn"))
                .anyMatch(option -> option.startsWith("-Xmx"));
        assertThat(training).isEqualTo(run);
    }

    @Test
    void usesTheTrainedCacheOnTheJdkThatTrainedIt() throws Exception {
        Path jdk25 = jdk("25.0.3", "25.0.3+9-LTS");
        trainedCache("monitor.aot", jdk25.toRealPath() + " 25.0.3+9-LTS");

        launch(Map.of("JAVA_HOME", jdk25.toString()), "--version");

        assertThat(ranWith(jdk25)).contains("-XX:AOTCache=" + install.resolve("monitor.aot"));
    }

    @Test
    void aCacheOfAnotherJdkIsSkippedInSilenceWithOneNoteUnderVerbose() throws Exception {
        Path jdk25 = jdk("25.0.4", "25.0.4+7-LTS");
        trainedCache("monitor.aot", jdk25.toRealPath() + " 25.0.3+9-LTS");

        Run quiet = launch(Map.of("JAVA_HOME", jdk25.toString()), "--version");
        assertThat(ranWith(jdk25)).noneMatch(option -> option.startsWith("-XX:AOTCache"));
        assertThat(quiet.stderr()).isEmpty();

        Run verbose = launch(Map.of("JAVA_HOME", jdk25.toString()), "--port", "8080", "--verbose");
        assertThat(verbose.stderr().lines()).singleElement().asString().startsWith("monitor: no start-up cache");
    }

    @Test
    void aCacheOlderThanTheJarIsSkipped() throws Exception {
        Path jdk25 = jdk("25.0.3", "25.0.3+9-LTS");
        trainedCache("monitor.aot", jdk25.toRealPath() + " 25.0.3+9-LTS");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));

        launch(Map.of("JAVA_HOME", jdk25.toString()), "--version");

        assertThat(ranWith(jdk25)).noneMatch(option -> option.startsWith("-XX:AOTCache"));
    }

    @Test
    void anOlderJdkGetsNoOptionItDoesNotKnow() throws Exception {
        Path jdk21 = jdk("21.0.5", "21.0.5+11-LTS");
        trainedCache("monitor.aot", jdk21.toRealPath() + " 21.0.5+11-LTS");
        trainedCache("monitor.jsa", jdk21.toRealPath() + " 21.0.5+11-LTS");

        launch(Map.of("JAVA_HOME", jdk21.toString()), "--version");

        List<String> options = ranWith(jdk21);
        assertThat(options).noneMatch(option -> option.toLowerCase().contains("aot"))
                .contains("-XX:SharedArchiveFile=" + install.resolve("monitor.jsa"), "-XX:+UseSerialGC");
    }

    @Test
    void trainingRecordsTheRunsClassesThenWritesTheCacheFromThemAndNamesTheJdkThatWroteIt() throws Exception {
        Path jdk25 = jdk("25.0.3", "25.0.3+9-LTS");

        Run run = launch(Map.of("JAVA_HOME", jdk25.toString(), "MONITOR_TRAIN", "1"), "--port", "8080");

        assertThat(run.exitCode()).isZero();
        List<String> runs = runs(jdk25);
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0)).contains("-XX:DumpLoadedClassList=").doesNotContain("-XX:AOTCache")
                .endsWith("-jar " + jar + " --port 8080");
        assertThat(runs.get(1)).contains("-Xshare:dump", "-XX:SharedClassListFile=" + install.resolve("monitor.classes"),
                "-XX:SharedArchiveFile=" + install.resolve("monitor.aot"), "-XX:+AOTClassLinking", "-cp " + jar);
        assertThat(install.resolve("monitor.aot")).exists();
        assertThat(install.resolve("monitor.jdk")).hasContent(jdk25.toRealPath() + " 25.0.3+9-LTS");
    }

    @Test
    void theClassesOfEveryRecordedRunAreInTheCacheOnceEach() throws Exception {
        Path jdk25 = jdk("25.0.3", "25.0.3+9-LTS");
        String java = jdk25.toString();

        launch(Map.of("JAVA_HOME", java, "MONITOR_TRAIN", "record",
                "FAKE_CLASSES", "a/Fetch id: 0\\nshared/Both id: 1\\n@cp a/Fetch 2 7"), "--refresh");
        launch(Map.of("JAVA_HOME", java, "MONITOR_TRAIN", "record",
                "FAKE_CLASSES", "shared/Both id: 0\\nb/Csv id: 1\\n@lambda-proxy b/Csv apply"), "-o", "csv");
        assertThat(install.resolve("monitor.aot")).as("recording alone writes no cache").doesNotExist();
        launch(Map.of("JAVA_HOME", java, "MONITOR_TRAIN", "1", "FAKE_CLASSES", "c/Usage id: 0"), "--bogus");

        // Each class once, without the number one run's list gave it; entries and lambdas after the classes they name.
        assertThat(Files.readAllLines(install.resolve("monitor.classes"))).containsExactly("a/Fetch", "b/Csv",
                "c/Usage", "shared/Both", "@cp a/Fetch 2 7", "@lambda-proxy b/Csv apply");
        assertThat(runs(jdk25).getLast()).contains("-Xshare:dump");
        assertThat(install.resolve("monitor.aot")).exists();
    }

    @Test
    void classesRecordedForAnOlderJarAreLeftOut() throws Exception {
        Path jdk25 = jdk("25.0.3", "25.0.3+9-LTS");
        Files.writeString(install.resolve("monitor.classes"), "old/Gone\n");
        Files.setLastModifiedTime(install.resolve("monitor.classes"), FileTime.from(Instant.now().minusSeconds(120)));

        launch(Map.of("JAVA_HOME", jdk25.toString(), "MONITOR_TRAIN", "1", "FAKE_CLASSES", "new/Here id: 0"), "--version");

        assertThat(Files.readAllLines(install.resolve("monitor.classes"))).containsExactly("new/Here");
    }

    @Test
    void anOlderJdkIsTrainedIntoAnAppCdsArchiveWithoutTheNewerOptions() throws Exception {
        Path jdk21 = jdk("21.0.5", "21.0.5+11-LTS");

        launch(Map.of("JAVA_HOME", jdk21.toString(), "MONITOR_TRAIN", "1"), "--version");

        assertThat(runs(jdk21).getLast()).contains("-Xshare:dump", "-XX:SharedArchiveFile=" + install.resolve("monitor.jsa"))
                .doesNotContainIgnoringCase("aot");
        assertThat(install.resolve("monitor.jsa")).exists();
        assertThat(install.resolve("monitor.jdk")).hasContent(jdk21.toRealPath() + " 21.0.5+11-LTS");
    }

    @Test
    void withoutJava21ItSaysWhereItLookedInOneLine() throws Exception {
        Path jdk17 = jdk("17.0.15", "17.0.15+6");

        Run run = launch(Map.of("JAVA_HOME", jdk17.toString(), "PATH", toolsWithoutJava().toString()), "--version");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stderr().lines()).singleElement().asString()
                .contains("needs Java 21 or newer", "JAVA_HOME=" + jdk17, "is Java 17", "PATH");
        assertThat(jdk17.resolve("ran-with")).doesNotExist();
    }

    private Path jdk(String version, String runtimeVersion) throws IOException {
        Path jdk = Files.createDirectories(jdks.resolve("jdk-" + version));
        Files.writeString(jdk.resolve("release"),
                "JAVA_VERSION=\"" + version + "\"\nJAVA_RUNTIME_VERSION=\"" + runtimeVersion + "\"\n");
        Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
        Files.writeString(java, FAKE_JAVA);
        executable(java);
        return jdk;
    }

    private void trainedCache(String name, String trainedBy) throws IOException {
        Files.writeString(install.resolve(name), "trained");
        Files.writeString(install.resolve("monitor.jdk"), trainedBy + "\n");
    }

    /** A PATH with the few tools the launcher uses, and no java (the machine's own may be any version). */
    private Path toolsWithoutJava() throws IOException {
        Path tools = Files.createDirectories(jdks.resolve("tools"));
        for (String tool : List.of("bash", "readlink", "dirname", "sed", "head", "cat", "rm")) {
            for (String dir : List.of("/usr/bin", "/bin")) {
                if (Files.isExecutable(Path.of(dir, tool))) {
                    Files.writeString(tools.resolve(tool), "#!/bin/sh\nexec " + Path.of(dir, tool) + " \"$@\"\n");
                    executable(tools.resolve(tool));
                    break;
                }
            }
        }
        return tools;
    }

    private static List<String> heapOptions(List<String> options) {
        return options.stream().filter(option -> option.matches("-Xm[snx].*")).toList();
    }

    private static List<String> runs(Path jdk) throws IOException {
        return Files.readAllLines(jdk.resolve("runs"));
    }

    private static List<String> ranWith(Path jdk) throws IOException {
        return Files.readAllLines(jdk.resolve("ran-with"));
    }

    private Run launch(Map<String, String> environment, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                concat(List.of("/bin/bash", install.resolve("monitor").toString()), List.of(args)));
        builder.environment().remove("JAVA_HOME");
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int exitCode, String stderr) {
    }
}
