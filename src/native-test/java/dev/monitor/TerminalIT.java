package dev.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.monitor.testing.RequiredTool;

/**
 * The packaged artifact on a real pseudo-terminal, made by util-linux {@code script}: what people see, as
 * opposed to what a pipe gets.
 *
 * <p>
 * Each test has a terminal and a folder of its own and only reads the mocks, so the tests run at once: the watches
 * wait for their ticks, and Ctrl-C waits for a slow fetch to begin.
 */
@Execution(ExecutionMode.CONCURRENT)
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TerminalIT {

    private static final String ESC = "\u001B[";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @RegisterExtension
    static MockServerProcess mock = new MockServerProcess("--servers", "40", "--seed", "3");

    /** 1000 servers that take a second each, 128 at a time: a fetch of 8 seconds and more, to be cut short. */
    @RegisterExtension
    static MockServerProcess slow = new MockServerProcess("--servers", "1000", "--latency-ms", "1000");

    @TempDir
    Path temp;

    @BeforeAll
    static void needsScript() {
        // script(1) makes the pseudo-terminal.
        RequiredTool.find("script", "bsdutils");
    }

    @Test
    void tableIsColouredOnATerminalEvenWhenStdinIsNot() throws Exception {
        String out = inTerminal(Map.of(), "< /dev/null", "--printservers");

        assertThat(out).contains(ESC + "32mHealthy" + ESC + "39m");
    }

    @Test
    void noColorEnvironmentVariableTurnsColourOff() throws Exception {
        String out = inTerminal(Map.of("NO_COLOR", "1"), "", "--printservers");

        assertThat(out).contains("Healthy").doesNotContain(ESC + "3");
    }

    @Test
    void noColorFlagTurnsColourOff() throws Exception {
        String out = inTerminal(Map.of(), "", "--printservers", "--no-color");

        assertThat(out).contains("Healthy").doesNotContain(ESC + "3");
    }

    @Test
    void pipedIntoAnotherProgramTheTableIsPlainEvenFromATerminal() throws Exception {
        String out = inTerminal(Map.of(), "| cat", "--printservers");

        assertThat(out).contains("Healthy").doesNotContain(ESC + "3");
    }

    @Test
    void progressBarIsDrawnOnAStderrTerminalAndErasedAfterwards() throws Exception {
        String out = inTerminal(Map.of(), "> /dev/null", "--avg");

        assertThat(out).contains("Fetching").contains("40/40 servers");
        assertThat(out.lastIndexOf("\r" + ESC + "K")).as("the bar erased after its last drawing")
                .isGreaterThan(out.lastIndexOf("Fetching"));
    }

    @Test
    void ctrlCDuringTheFetchErasesTheProgressBarBeforeSayingSo() throws Exception {
        Process process = start(Map.of(), "exec ", "> /dev/null", slow, "--refresh");
        Screen screen = new Screen(process);
        screen.await(text -> text.contains("Fetching"));
        try (OutputStream keyboard = process.getOutputStream()) {
            // Ctrl-C typed on the terminal, which sends SIGINT to the program in the foreground.
            keyboard.write(3);
        }
        String out = screen.whenEnded();

        assertThat(process.exitValue()).as(out).isEqualTo(130);
        int message = out.indexOf("monitor: interrupted");
        assertThat(message).as(out).isPositive();
        assertThat(out.lastIndexOf("\r" + ESC + "K", message)).as("the bar's line erased before the message: " + out)
                .isGreaterThan(out.lastIndexOf("Fetching", message));
        assertThat(out.substring(message)).as("nothing drawn after the message").doesNotContain("Fetching")
                .doesNotContain("servers/s");
    }

    @Test
    void quietOrAStderrThatIsNoTerminalGetsNoProgressBar() throws Exception {
        assertThat(inTerminal(Map.of(), "> /dev/null", "--avg", "--quiet")).doesNotContain("Fetching");
        Path err = temp.resolve("err.txt");
        inTerminal(Map.of(), "2> " + err, "--avg");
        assertThat(java.nio.file.Files.readString(err)).doesNotContain("Fetching");
    }

    @Test
    void serviceWatchRedrawsInPlaceAndGivesTheCursorBackOnCtrlC() throws Exception {
        String out = watchInTerminal("", "; echo \"exit=$?\"", "--service", "AuthService", "1");

        assertThat(out.split("\u001B\\[H", -1).length - 1).as("redraws from home").isGreaterThanOrEqualTo(2);
        assertThat(out).contains(ESC + "K").contains(ESC + "J").doesNotContain(ESC + "2J");
        assertThat(out).contains("AuthService at ").contains("Ctrl-C to stop");
        assertThat(out.lastIndexOf(ESC + "?25h")).as("cursor shown again after the last frame")
                .isGreaterThan(out.lastIndexOf(ESC + "H"));
        assertThat(out).contains("exit=0");
    }

    @Test
    void aWatchTallerThanTheTerminalIsCutToFitAndSaysWhatIsLeftOut() throws Exception {
        // The pseudo-terminal is set to 12 rows; the frame (40 servers, all sections) is over 50 lines.
        String out = watchInTerminal("stty rows 12 cols 400; ", "; echo \"exit=$?\"", "--watch", "1",
                "--printservers", "--avg", "--unhealthyservices");

        String[] frames = out.split("\u001B\\[H", -1);
        assertThat(frames.length - 1).as("redraws from home").isGreaterThanOrEqualTo(2);
        for (int i = 1; i < frames.length; i++) {
            String frame = frames[i].substring(0, frames[i].indexOf(ESC + "J"));
            assertThat(frame.lines()).as("frame %d fits above the last of 12 rows", i).hasSize(11);
            assertThat(frame.lines().toList().getLast()).matches("… \\d+ more lines: a taller terminal shows them"
                    + Pattern.quote(ESC + "K"));
        }
        assertThat(out).contains("exit=0");
    }

    @Test
    void watchWithJsonPrintsOneDocumentPerLineWhenPiped() throws Exception {
        String out = watchInTerminal("", "| cat", "--watch", "1", "-o", "json");

        List<String> documents = out.lines().map(String::strip).filter(line -> line.startsWith("{")).toList();
        assertThat(documents.size()).as(out).isGreaterThanOrEqualTo(2);
        ObjectMapper json = new ObjectMapper();
        for (String document : documents) {
            assertThat(json.readTree(document).get("servers")).hasSize(40);
        }
        assertThat(out).doesNotContain(ESC + "H");
    }

    /** Runs monitor with its output on a pseudo-terminal, {@code redirect} appended to its shell command. */
    private String inTerminal(Map<String, String> environment, String redirect, String... args)
            throws IOException, InterruptedException {
        Process process = start(environment, "", redirect, mock, args);
        process.getOutputStream().close();
        return new Screen(process).whenEnded();
    }

    /**
     * Runs a watch on a pseudo-terminal, after {@code before} ({@code stty rows 12} sets its size as a resized window
     * would), and stops it with Ctrl-C (SIGINT) once it has drawn two whole frames (or NDJSON lines), however long
     * that takes the machine.
     */
    private String watchInTerminal(String before, String redirect, String... args)
            throws IOException, InterruptedException {
        Process process = start(Map.of(), before + "timeout --preserve-status -s INT " + PATIENCE.toSeconds() + " ",
                redirect, mock, args);
        process.getOutputStream().close();
        Screen screen = new Screen(process);
        screen.await(text -> text.split(Pattern.quote(ESC + "J"), -1).length > 2
                || text.lines().filter(line -> line.strip().matches("\\{.*}")).count() >= 2);
        // timeout(1) passes the signal on to monitor, as Ctrl-C on the terminal would reach it.
        ProcessHandle timeout = process.descendants()
                .filter(child -> child.info().command().orElse("").endsWith("/timeout")).findFirst().orElseThrow();
        new ProcessBuilder("kill", "-INT", String.valueOf(timeout.pid())).start().waitFor();
        return screen.whenEnded();
    }

    /** What the terminal shows, collected as it comes, so that a test can wait for a drawing with a deadline. */
    private static final class Screen {

        private final Process process;
        private final ByteArrayOutputStream shown = new ByteArrayOutputStream();
        private final Thread reader;

        Screen(Process process) {
            this.process = process;
            this.reader = Thread.ofVirtual().start(() -> {
                try (InputStream out = process.getInputStream()) {
                    byte[] buffer = new byte[8192];
                    for (int read = out.read(buffer); read >= 0; read = out.read(buffer)) {
                        synchronized (shown) {
                            shown.write(buffer, 0, read);
                        }
                    }
                } catch (IOException e) {
                    // The terminal closed: nothing more to show.
                }
            });
        }

        String text() {
            synchronized (shown) {
                return shown.toString(StandardCharsets.UTF_8);
            }
        }

        void await(Predicate<String> drawn) {
            Awaitility.await("the terminal to show it").atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                    .until(() -> drawn.test(text()) || !process.isAlive());
            assertThat(drawn.test(text())).as("drawn before the program ended: " + text()).isTrue();
        }

        /** All it showed, once the program has ended. */
        String whenEnded() throws InterruptedException {
            if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("still running after " + PATIENCE + "; the terminal showed: " + text());
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            return text();
        }
    }

    /** Starts monitor against {@code cluster} on a pseudo-terminal whose keyboard is the process's stdin. */
    private Process start(Map<String, String> environment, String before, String redirect, MockServerProcess cluster,
            String... args) throws IOException {
        List<String> command = new ArrayList<>(MockServerProcess.artifactCommand());
        command.addAll(List.of("--port", String.valueOf(cluster.port()), "--snapshot",
                temp.resolve("terminal.json").toString()));
        command.addAll(List.of(args));
        String shell = before + command.stream().map(word -> "'" + word.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" ")) + " " + redirect;
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", shell, "/dev/null")
                .redirectInput(ProcessBuilder.Redirect.PIPE).redirectErrorStream(true);
        builder.environment().remove("NO_COLOR");
        // The terminal's own size, not one a parent shell exported.
        builder.environment().remove("LINES");
        builder.environment().remove("COLUMNS");
        builder.environment().put("TERM", "xterm");
        builder.environment().putAll(environment);
        return builder.start();
    }
}
