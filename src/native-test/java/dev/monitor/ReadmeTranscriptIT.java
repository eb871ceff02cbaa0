package dev.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * README's sessions (its {@code console} blocks: {@code $ command}, then what it prints) run as written, with the
 * packaged {@code target/monitor}, and print what README shows. Only what cannot be the same on every machine is
 * changed: the port a mock listens on ({@code --port 8081} becomes a free port, and is written back as 8081 in
 * what is printed), and each session gets a cache directory of its own, so no snapshot of an earlier run stands
 * in. A line {@code ...} in README stands for one or more lines left out. Dev mode's output (a {@code text}
 * block) is not a session: its figures are random.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReadmeTranscriptIT {

    private static final Path README = Path.of("README.md");
    private static final Pattern LISTENING = Pattern.compile("listening on https?://[^:]+:(\\d+)");
    private static final String ELISION = "...";
    private static final List<String> CLEARED = List.of("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY",
            "no_proxy", "NO_PROXY", "all_proxy", "ALL_PROXY", "MONITOR_TOKEN", "MONITOR_BASIC_AUTH", "MONITOR_CONFIG",
            "MONITOR_CONTEXT", "JAVA_TOOL_OPTIONS", "XDG_CONFIG_HOME");

    /** One {@code $ command} of a session and the lines README shows under it. */
    record Step(String command, List<String> shown) {
    }

    /** One console block of README. */
    record Session(int line, List<Step> steps) {
        @Override
        public String toString() {
            return "README line " + line + ": " + steps.getFirst().command();
        }
    }

    @TempDir
    Path cache;

    private final List<Process> background = new ArrayList<>();
    /** README's port of each mock, to the port it listens on here. */
    private final Map<String, String> ports = new HashMap<>();
    private int lastExitCode = -1;

    static List<Session> sessions() throws IOException {
        List<String> lines = Files.readAllLines(README);
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals("```console")) {
                continue;
            }
            int start = i + 1;
            List<Step> steps = new ArrayList<>();
            for (i++; !lines.get(i).equals("```"); i++) {
                String line = lines.get(i);
                if (line.startsWith("$ ")) {
                    steps.add(new Step(line.substring(2), new ArrayList<>()));
                } else {
                    steps.getLast().shown().add(line);
                }
            }
            sessions.add(new Session(start, steps));
        }
        // A README without sessions would let this test pass on nothing: Try it and See a failure are two.
        assertThat(sessions).as("console blocks in README").hasSizeGreaterThanOrEqualTo(2);
        return sessions;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void printsWhatReadmeShows(Session session) throws IOException, InterruptedException {
        for (Step step : session.steps()) {
            List<String> printed = run(step.command());
            assertThat(matches(step.shown(), printed))
                    .as("`%s` (%s) printed:%n%s%nREADME shows:%n%s", step.command(), session,
                            String.join("\n", printed), String.join("\n", step.shown()))
                    .isTrue();
        }
    }

    @AfterEach
    void stopMocks() throws InterruptedException {
        for (Process process : background) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Runs one command as a shell would, for the few forms README's sessions use; returns what it printed. */
    private List<String> run(String command) throws IOException, InterruptedException {
        List<String> words = new ArrayList<>(Arrays.asList(command.split(" ")));
        if (words.equals(List.of("echo", "$?"))) {
            return List.of(String.valueOf(lastExitCode));
        }
        assertThat(words.getFirst()).as("a session runs target/monitor or echo $?: " + command)
                .isEqualTo("target/monitor");
        assertThat(command).as("no quoting in a session's commands").doesNotContain("'", "\"", "\\");
        boolean inBackground = words.getLast().equals("&");
        if (inBackground) {
            words.removeLast();
        }
        boolean mock = words.get(1).equals("mock-server");
        int port = words.indexOf("--port") + 1;
        String readmePort = port > 0 ? words.get(port) : null;
        if (readmePort != null) {
            words.set(port, mock ? "0" : ports.get(readmePort));
            assertThat(words.get(port)).as("a mock started earlier in the session listens on " + readmePort)
                    .isNotNull();
        }
        ProcessBuilder builder = new ProcessBuilder(words);
        CLEARED.forEach(builder.environment()::remove);
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        if (inBackground) {
            assertThat(mock).as("only a mock runs in the background: " + command).isTrue();
            return startMock(builder, readmePort);
        }
        Path out = Files.createTempFile(cache, "out", ".txt");
        Path err = Files.createTempFile(cache, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " still running after 60s; stderr: " + Files.readString(err));
        }
        lastExitCode = process.exitValue();
        List<String> printed = new ArrayList<>(Files.readAllLines(out));
        printed.addAll(Files.readAllLines(err));
        return printed;
    }

    /** Starts a mock and returns what it says until it listens; its port is known from then on by README's. */
    private List<String> startMock(ProcessBuilder builder, String readmePort) throws IOException, InterruptedException {
        Process process = builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        background.add(process);
        List<String> said = new ArrayList<>();
        CompletableFuture<String> listening = new CompletableFuture<>();
        // Read stderr to its end, so that the mock never blocks on a full pipe.
        Thread.ofVirtual().start(() -> {
            try (BufferedReader err = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    if (!listening.isDone()) {
                        said.add(line);
                        Matcher matcher = LISTENING.matcher(line);
                        if (matcher.find()) {
                            listening.complete(matcher.group(1));
                        }
                    }
                }
            } catch (IOException e) {
                // The mock ended: said below, if it had not listened.
            }
            listening.complete(null);
        });
        String port;
        try {
            port = listening.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("mock-server did not listen within 60s", e);
        }
        assertThat(port).as("mock-server listening; it said " + said).isNotNull();
        if (readmePort != null) {
            ports.put(readmePort, port);
            said.replaceAll(line -> line.replace(":" + port, ":" + readmePort));
        }
        return said;
    }

    /** The lines printed are README's lines, each {@code ...} standing for at least one line left out. */
    static boolean matches(List<String> shown, List<String> printed) {
        return matches(shown, 0, printed, 0);
    }

    private static boolean matches(List<String> shown, int s, List<String> printed, int p) {
        if (s == shown.size()) {
            return p == printed.size();
        }
        if (shown.get(s).equals(ELISION)) {
            for (int next = p + 1; next <= printed.size(); next++) {
                if (matches(shown, s + 1, printed, next)) {
                    return true;
                }
            }
            return false;
        }
        return p < printed.size() && shown.get(s).equals(printed.get(p)) && matches(shown, s + 1, printed, p + 1);
    }
}
