package dev.monitor.cli;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import dev.monitor.api.Access;
import dev.monitor.api.ApiUrl;
import dev.monitor.api.Credentials;
import dev.monitor.api.ProxyRoute;
import dev.monitor.api.ProxySelection;
import dev.monitor.api.TlsSettings;
import dev.monitor.cli.ContextOptions.Selected;
import dev.monitor.context.ClusterContext;
import dev.monitor.fetch.Diagnostics;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How to reach a real cluster: whom to trust, which secret to show, which proxy to go through. */
public class AccessOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--cacert", paramLabel = "FILE",
            description = "PEM bundle of CAs to trust for https://, besides the JDK's.")
    Path caBundle;

    @Option(names = "--insecure",
            description = "Do not check the server's certificate or host name (warns on every run).")
    boolean insecure;

    @Option(names = "--cert", paramLabel = "FILE", description = "PEM client certificate, for mutual TLS (with --key).")
    Path clientCert;

    @Option(names = "--key", paramLabel = "FILE", description = "PEM private key of --cert.")
    Path clientKey;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Bearer token from this file, or - for standard input (else $MONITOR_TOKEN).")
    String tokenFile;

    @Option(names = "--basic-auth-file", paramLabel = "FILE",
            description = "user:password from this file, or - for standard input (else $MONITOR_BASIC_AUTH).")
    String basicAuthFile;

    @Option(names = "--proxy", paramLabel = "URL",
            description = "HTTP proxy for this run, instead of $https_proxy / $http_proxy; no credentials in it.")
    String proxy;

    /** @param context the selected context, whose token file, CA bundle and proxy stand in for options not typed */
    public Access access(URI endpoint, Optional<Selected> context, Map<String, String> env, InputStream stdin,
            Diagnostics diagnostics) {
        String tokenFile = ContextOptions.unlessTyped(spec, context, ClusterContext::tokenFile, this.tokenFile,
                "--token-file", "--basic-auth-file");
        Path caBundle = ContextOptions.unlessTyped(spec, context,
                entry -> entry.caBundle() == null ? null : Path.of(entry.caBundle()), this.caBundle, "--cacert");
        String proxy = ContextOptions.unlessTyped(spec, context, ClusterContext::proxy, this.proxy, "--proxy");
        requireReadable("--cacert", caBundle);
        requireReadable("--cert", clientCert);
        requireReadable("--key", clientKey);
        if ((clientCert == null) != (clientKey == null)) {
            throw usage("--cert and --key go together: the certificate and its private key");
        }
        if (insecure) {
            diagnostics.warning("--insecure: the server's certificate and host name are not checked");
        }
        try {
            ProxyRoute route = ProxySelection.choose(endpoint, proxy, env);
            diagnostics.verbose(route.isNone() ? "no proxy for " + endpoint : "through the proxy " + route);
            Optional<Credentials> credentials = new SecretReader(env, stdin).credentials(tokenFile, basicAuthFile);
            if (credentials.isPresent() && "http".equals(endpoint.getScheme()) && !ApiUrl.isLoopback(endpoint)) {
                // Once a run, as curl and kubectl say it: the user may have reasons, but should know.
                diagnostics.warning("the " + (credentials.get() instanceof Credentials.Bearer ? "token" : "password")
                        + " goes to " + endpoint.getHost() + " over plain http://, readable by anyone on the way; "
                        + "use https:// to keep it secret");
            }
            return new Access(new TlsSettings(caBundle, clientCert, clientKey, insecure), credentials, route);
        } catch (ProxySelection.InvalidProxyException | SecretReader.SecretException e) {
            throw usage(e.getMessage());
        }
    }

    private void requireReadable(String option, Path file) {
        if (file != null && Files.isDirectory(file)) {
            throw usage(option + " " + file + ": a directory, not a file");
        }
        if (file != null && !Files.isReadable(file)) {
            throw usage(option + " " + file + ": no such readable file");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
