package dev.monitor.api;

import java.util.function.Supplier;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

import org.jboss.resteasy.reactive.client.impl.ClientRequestContextImpl;
import org.jboss.resteasy.reactive.client.impl.RestClientRequestContext;

import io.vertx.core.http.HttpClientRequest;

/**
 * Lets a caller that gives up on a {@link ClusterApi} call (its deadline passed, or its answer outgrew its cap)
 * close that call's connection. Without it, the REST client would keep the connection busy until the server
 * ended the answer (closing an {@code InputStream} answer early drains it rather than resets it), so a few
 * servers that trickle their answers could hold every connection of the pool for the rest of the run.
 *
 * <p>
 * The call is made on the caller's thread, which the REST client's request filters run on: {@link #around}
 * hands this release to {@link Filter}, which notes the request the client is about to send.
 */
public final class ConnectionRelease {

    private static final ThreadLocal<ConnectionRelease> CURRENT = new ThreadLocal<>();

    private volatile RestClientRequestContext request;
    private volatile boolean released;

    /** Makes the call, noting its request so that {@link #release()} can close its connection. */
    public <T> T around(Supplier<T> call) {
        CURRENT.set(this);
        try {
            T answer = call.get();
            if (released) {
                // Given up while the request waited for a connection, before it existed to be reset.
                reset();
            }
            return answer;
        } finally {
            CURRENT.remove();
        }
    }

    /** Closes the call's connection, now or, if it has not been sent yet, as soon as the filter sees it. */
    public void release() {
        released = true;
        reset();
    }

    private void attach(RestClientRequestContext context) {
        request = context;
        if (released) {
            reset();
        }
    }

    private void reset() {
        RestClientRequestContext context = request;
        HttpClientRequest sent = context == null ? null : context.getHttpClientRequest();
        if (sent != null) {
            // On HTTP/1.1 a reset closes the connection; the pool opens a new one for the next request.
            sent.reset();
        }
    }

    /** Registered on every {@link ClusterApi} client. */
    static final class Filter implements ClientRequestFilter {

        @Override
        public void filter(ClientRequestContext context) {
            ConnectionRelease release = CURRENT.get();
            if (release != null && context instanceof ClientRequestContextImpl client) {
                release.attach(client.getRestClientRequestContext());
            }
        }
    }
}
