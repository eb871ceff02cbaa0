package dev.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.monitor.testing.RequiredTool;

/**
 * The packaged artifact on a real pseudo-terminal, made by util-linux {@code script}: what people see, as
 * opposed to what a pipe gets.
 */
class TerminalIT {

    private static final String ESC = "\u001B[";

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
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        boolean typed = false;
        try (InputStream out = process.getInputStream(); OutputStream keyboard = process.getOutputStream()) {
            byte[] buffer = new byte[8192];
            for (int read = out.read(buffer); read >= 0; read = out.read(buffer)) {
                terminal.write(buffer, 0, read);
                if (!typed && terminal.toString(StandardCharsets.UTF_8).contains("Fetching")) {
                    // Ctrl-C typed on the terminal, which sends SIGINT to the program in the foreground.
                    keyboard.write(3);
                    keyboard.flush();
                    typed = true;
                }
            }
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = terminal.toString(StandardCharsets.UTF_8);

        assertThat(typed).as("a bar was drawn to interrupt: " + out).isTrue();
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
        String out = inTerminal(Map.of(), "; echo \"exit=$?\"", "--service", "AuthService", "1");

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
        String out = inTerminalOfRows(12, "; echo \"exit=$?\"", "--watch", "1",
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
        String out = inTerminal(Map.of(), "| cat", "--watch", "1", "-o", "json");

        List<String> documents = out.lines().map(String::strip).filter(line -> line.startsWith("{")).toList();
        assertThat(documents.size()).as(out).isGreaterThanOrEqualTo(2);
        ObjectMapper json = new ObjectMapper();
        for (String document : documents) {
            assertThat(json.readTree(document).get("servers")).hasSize(40);
        }
        assertThat(out).doesNotContain(ESC + "H");
    }

    /**
     * Runs monitor with its output on a pseudo-terminal, {@code redirect} appended to its shell command; a watch
     * gets Ctrl-C (SIGINT) after a few seconds.
     */
    private String inTerminal(Map<String, String> environment, String redirect, String... args)
            throws IOException, InterruptedException {
        return run(environment, "", redirect, args);
    }

    /**
     * The same on a terminal {@code rows} tall, set with {@code stty} as a resized window would be; wide enough
     * that no line wraps.
     */
    private String inTerminalOfRows(int rows, String redirect, String... args) throws IOException, InterruptedException {
        return run(Map.of(), "stty rows " + rows + " cols 400; ", redirect, args);
    }

    private String run(Map<String, String> environment, String before, String redirect, String... args)
            throws IOException, InterruptedException {
        Process process = start(environment, before, redirect, mock, args);
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    /** Starts monitor against {@code cluster} on a pseudo-terminal whose keyboard is the process's stdin. */
    private Process start(Map<String, String> environment, String before, String redirect, MockServerProcess cluster,
            String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (List.of(args).contains("--service") || List.of(args).contains("--watch")) {
            // Long enough for two ticks on a busy machine, JVM start included.
            command.addAll(List.of("timeout", "--preserve-status", "-s", "INT", "12"));
        }
        command.addAll(MockServerProcess.artifactCommand());
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
