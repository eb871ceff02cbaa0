package dev.monitor.api;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * What a cluster API's base URL must be, checked in one place for {@code --url}, {@code context add --url}
 * and a context's {@code url} in the contexts file, so that all three refuse the same URLs in the same words, and
 * for {@code --host} and {@code --port}. A message never repeats the user, query or fragment that was typed.
 */
public final class ApiUrl {

    private ApiUrl() {
    }

    /**
     * The API's base URI: scheme, host, port (the scheme's own when none is given) and path without trailing
     * slashes.
     *
     * @throws IllegalArgumentException whose message follows the name of where the URL came from
     *                                  ({@code --url must be an http:// or https:// URL with a host, not 'ftp://x'})
     */
    public static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + Redaction.typedUrl(url) + "' is not a URL: " + e.getReason(), e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("must be an http:// or https:// URL with a host, not '"
                    + Redaction.typedUrl(url) + "'");
        }
        // Both would be dropped without a word: the API's paths replace the query, and the secret belongs in a file.
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must not carry credentials: give them with --basic-auth-file "
                    + "or $MONITOR_BASIC_AUTH");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must not have a query or fragment, not '" + Redaction.typedUrl(url)
                    + "'");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("must have a port between 1 and 65535, not " + port);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return built(uri.getScheme(), uri.getHost(), port, path);
    }

    /**
     * {@code http://HOST:PORT}.
     *
     * @throws IllegalArgumentException whose message follows the name of the option ({@code --host}, {@code --port})
     */
    public static URI of(String host, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 1 and 65535, not " + port);
        }
        try {
            return built("http", HostName.forUri(host), port, "");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--host " + e.getMessage(), e);
        }
    }

    /** Whether the API is on this machine: {@code localhost}, {@code 127.0.0.0/8}, {@code ::1}. */
    public static boolean isLoopback(URI endpoint) {
        return HostName.isLoopback(endpoint.getHost());
    }

    /** The URI of these parts, checked to hold each of them: no part the user gave is dropped on the way. */
    private static URI built(String scheme, String host, int port, String rawPath) {
        URI uri = URI.create(scheme + "://" + host + ":" + port + rawPath);
        if (!host.equals(uri.getHost()) || port != uri.getPort() || !rawPath.equals(uri.getRawPath())) {
            throw new IllegalStateException("the URL " + uri + " lost a part of " + scheme + ", " + host + ", " + port
                    + ", " + rawPath);
        }
        return uri;
    }
}
