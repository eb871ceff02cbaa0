package dev.monitor.cli;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import dev.monitor.analysis.Durations;
import dev.monitor.api.Access;
import dev.monitor.api.ApiUrl;
import dev.monitor.cli.ContextOptions.Selected;
import dev.monitor.context.ClusterContext;
import dev.monitor.fetch.Concurrency;
import dev.monitor.fetch.FetchSettings;
import dev.monitor.fetch.Pacing;
import dev.monitor.snapshot.Shard;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where the cluster API is and how hard to ask it. */
public class ConnectionOptions {

    static final Duration MAX_TIMEOUT = Duration.ofHours(1);

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT",
            description = "Port of the cluster API on --host. Required unless --url is given.")
    Integer port;

    @Option(names = "--host", paramLabel = "HOST", description = "Host of the cluster API (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--url", paramLabel = "URL",
            description = "Base URL of the cluster API, e.g. http://cluster.example:8080; replaces --host and --port.")
    String url;

    @Option(names = "--concurrency", paramLabel = "N|auto",
            description = "Server requests in flight at once: a number fixes it, auto finds it while fetching, up to"
                    + " --max-concurrency (default: ${DEFAULT-VALUE}).")
    String concurrency;

    @Option(names = "--max-concurrency", paramLabel = "N",
            description = "The most server requests in flight under --concurrency auto (default: ${DEFAULT-VALUE}).")
    int maxConcurrency;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Deadline of one request, connect to last byte (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--retries", paramLabel = "N",
            description = "Tries again after a connection failure, timeout, 5xx or 429 (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--shard", paramLabel = "K/N", converter = ShardConverter.class,
            description = "Fetch and judge only shard K of N: the servers whose address hashes to it (FNV-1a, see"
                    + " docs/usage.md), so that N processes share a cluster (default: ${DEFAULT-VALUE}, the whole cluster).")
    Shard shard;

    /** The API's base URI: from --url, else the selected context's unless --port is typed, else --host and --port. */
    public URI endpoint(Optional<Selected> context) {
        String url = ContextOptions.unlessTyped(spec, context, ClusterContext::url, this.url, "--url", "--port");
        if (url != null) {
            return parseUrl(url);
        }
        if (port == null) {
            throw usage("--port or --url is required: where is the cluster API? (e.g. --port 8080)");
        }
        try {
            return ApiUrl.of(host, port);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** {@code --shard}: the share of the cluster this run fetches and judges, and whose snapshot it keeps. */
    public Shard shard() {
        return shard;
    }

    /**
     * The run's fetch settings, whole: these options' limits, checked first, then {@code access} and {@code pacing},
     * asked for once the limits hold (access may read a secret from standard input).
     */
    public FetchSettings fetchSettings(Supplier<Access> access, Supplier<Pacing> pacing) {
        if (timeout.isZero()) {
            throw usage("--timeout must be longer than 0");
        }
        if (timeout.compareTo(MAX_TIMEOUT) > 0) {
            // The HTTP client keeps its connect timeout in int milliseconds, which a month would overflow.
            throw usage("--timeout is one request's deadline: at most " + Durations.exact(MAX_TIMEOUT) + ", not "
                    + Durations.exact(timeout));
        }
        if (retries < 0) {
            throw usage("--retries must be 0 or more, not " + retries);
        }
        return new FetchSettings(concurrency(), timeout, retries, access.get(), pacing.get(), shard);
    }

    private Concurrency concurrency() {
        if (maxConcurrency < 1) {
            throw usage("--max-concurrency must be at least 1, not " + maxConcurrency);
        }
        if ("auto".equalsIgnoreCase(concurrency)) {
            return new Concurrency.Adaptive(maxConcurrency);
        }
        // ASCII digits only, as every number monitor reads: Integer.parseInt takes any script's digits, and a sign.
        if (!concurrency.strip().matches("[0-9]{1,9}")) {
            throw usage("--concurrency must be a number of requests in digits 0-9, or auto, not '" + concurrency + "'");
        }
        int fixed = Integer.parseInt(concurrency.strip());
        if (fixed < 1) {
            throw usage("--concurrency must be at least 1, not " + fixed);
        }
        // Typed beside a number, it would be ignored in silence.
        if (spec.commandLine().getParseResult().hasMatchedOption("--max-concurrency")) {
            throw usage("--max-concurrency bounds --concurrency auto; --concurrency " + fixed + " is fixed");
        }
        return new Concurrency.Fixed(fixed);
    }

    /** The endpoint that the options name by themselves, without a context; empty when they name none. */
    Optional<URI> namedEndpoint() {
        return url == null && port == null ? Optional.empty() : Optional.of(endpoint(Optional.empty()));
    }

    private URI parseUrl(String url) {
        URI uri;
        try {
            uri = ApiUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw usage("--url " + e.getMessage());
        }
        if (port != null) {
            throw usage("--url and --port cannot be combined: put the port in the URL");
        }
        // --host has a default, so only a typed one can be told apart; it would be ignored in silence.
        if (spec.commandLine().getParseResult().hasMatchedOption("--host")) {
            throw usage(spec.commandLine().getParseResult().hasMatchedOption("--url")
                    ? "--url and --host cannot be combined: put the host in the URL"
                    : "--host needs --port: without it the URL of the context is used, host and all");
        }
        return uri;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
