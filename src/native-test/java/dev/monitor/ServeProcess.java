package dev.monitor;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.monitor.testing.ServedMetrics;

/**
 * {@code monitor serve} from the packaged artifact, in its own process on a free loopback port ({@code --listen
 * 127.0.0.1:0}), started once it says where it serves; {@link #close()} ends it as a service manager does, SIGTERM.
 */
final class ServeProcess implements ServedMetrics, AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("^monitor: serving metrics of \\S+.* on "
            + "http://127\\.0\\.0\\.1:(\\d+)/metrics every \\S+$");
    private static final Duration START = Duration.ofSeconds(60);

    private final MonitorProcess process;
    private final int port;

    private ServeProcess(MonitorProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** {@code monitor serve ARGS --listen 127.0.0.1:0}, once its line says which port it took. */
    static ServeProcess start(String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("serve"));
        all.addAll(Arrays.asList(args));
        all.addAll(List.of("--listen", "127.0.0.1:0"));
        MonitorProcess process = MonitorProcess.start(all);
        if (!process.awaitErr(0, line -> SERVING.matcher(line).matches(), START)) {
            process.process().destroyForcibly();
            throw new AssertionError("monitor serve did not say it serves within " + START + "; stderr:\n"
                    + process.err());
        }
        Matcher serving = process.err().lines().map(SERVING::matcher).filter(Matcher::matches).findFirst()
                .orElseThrow();
        return new ServeProcess(process, Integer.parseInt(serving.group(1)));
    }

    MonitorProcess process() {
        return process;
    }

    int port() {
        return port;
    }

    /** {@code 127.0.0.1:PORT}, as Prometheus names a target. */
    String target() {
        return "127.0.0.1:" + port;
    }

    @Override
    public URI uri(String path) {
        return URI.create("http://" + target() + path);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process.process().isAlive()) {
            process.signal("TERM");
            process.exitCode(Duration.ofSeconds(30));
        }
    }
}
