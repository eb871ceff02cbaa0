package dev.monitor.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses the proxy for an endpoint as curl does: {@code https_proxy} or {@code HTTPS_PROXY} for https,
 * {@code http_proxy} in lower case only for http (an upper-case {@code HTTP_PROXY} can be set by a request
 * header in CGI programs: "httpoxy"), none for a host {@code no_proxy}/{@code NO_PROXY} names, and an
 * explicit {@code --proxy} before any of them. Pure: the environment is passed in.
 */
public final class ProxySelection {

    private ProxySelection() {
    }

    /** A proxy URL that cannot be used; the message names where it came from and never its credentials. */
    public static final class InvalidProxyException extends IllegalArgumentException {
        InvalidProxyException(String message) {
            super(message);
        }
    }

    /**
     * @param option the {@code --proxy} URL, or null; it may not carry credentials
     * @throws InvalidProxyException when the proxy URL in force is not an http:// URL with a host
     */
    public static ProxyRoute choose(URI endpoint, String option, Map<String, String> env) {
        String host = endpoint.getHost().toLowerCase(Locale.ROOT);
        String noProxy = firstSet(env, "no_proxy", "NO_PROXY");
        if (noProxy != null && NoProxyList.matches(noProxy, host)) {
            return ProxyRoute.NONE;
        }
        if (option != null) {
            return option(option);
        }
        String variable = "https".equals(endpoint.getScheme())
                ? (env.get("https_proxy") != null ? "https_proxy" : "HTTPS_PROXY")
                : "http_proxy";
        String value = env.get(variable);
        return value == null || value.isBlank() ? ProxyRoute.NONE : parse(value, variable);
    }

    /**
     * A {@code --proxy} URL, of a run or of {@code context add}: without credentials, which would show in ps and
     * shell history, and in the contexts file.
     *
     * @throws InvalidProxyException when it is not an http:// URL with a host, or carries credentials
     */
    public static ProxyRoute option(String text) {
        return option(text, "--proxy");
    }

    /** @param source where the URL was given, for messages: {@code --proxy}, or {@code proxy} in the contexts file */
    public static ProxyRoute option(String text, String source) {
        ProxyRoute route = parse(text, source);
        if (route.userInfo() != null) {
            throw new InvalidProxyException(source + " must not carry credentials (they would show in ps and shell "
                    + "history); put them in the https_proxy or http_proxy environment variable's URL instead");
        }
        return route;
    }

    private static ProxyRoute parse(String text, String source) {
        String written = text.contains("://") ? text.trim() : "http://" + text.trim();
        try {
            URI uri = new URI(written);
            if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidProxyException(source + " must be an http:// proxy URL with a host, like "
                        + "http://proxy.example:3128");
            }
            String userInfo = uri.getRawUserInfo() == null ? null
                    : URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
            // curl's default proxy port
            return new ProxyRoute(uri.getHost(), uri.getPort() == -1 ? 1080 : uri.getPort(), userInfo);
        } catch (URISyntaxException e) {
            throw new InvalidProxyException(source + " is not a proxy URL like http://proxy.example:3128");
        }
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
