package dev.monitor.api;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * What a cluster API's base URL must be, checked in one place for {@code --url}, {@code context add --url}
 * and a context's {@code url} in the contexts file, so that all three refuse the same URLs in the same words. A
 * message never repeats the user, query or fragment that was typed.
 */
public final class ApiUrl {

    private ApiUrl() {
    }

    /**
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
        return uri;
    }
}
