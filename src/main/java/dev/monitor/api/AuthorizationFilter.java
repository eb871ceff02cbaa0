package dev.monitor.api;

import java.net.URI;
import java.util.Locale;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * Adds the {@code Authorization} header to requests for the API's own origin (scheme, host and port) and to
 * no other, so a secret never travels to a host the user did not name.
 */
final class AuthorizationFilter implements ClientRequestFilter {

    private final URI origin;
    private final Credentials credentials;

    AuthorizationFilter(URI endpoint, Credentials credentials) {
        this.origin = endpoint;
        this.credentials = credentials;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (sameOrigin(origin, request.getUri())) {
            request.getHeaders().putSingle("Authorization", credentials.authorization());
        } else {
            request.getHeaders().remove("Authorization");
        }
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().toLowerCase(Locale.ROOT).equals(b.getHost().toLowerCase(Locale.ROOT))
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
