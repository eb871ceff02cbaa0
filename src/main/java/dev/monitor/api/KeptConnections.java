package dev.monitor.api;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

import org.jboss.resteasy.reactive.client.impl.ClientRequestContextImpl;

import io.vertx.core.http.HttpClientRequest;

/**
 * A connection is not kept for the next request after an answer that ends at its head by HTTP's rules (a 1xx, a
 * 204, a 304), whatever length its headers announce: a server that sends a body after such a head anyway leaves it
 * on the connection, where the next request, for another server, would take it for its own answer. Any other
 * answer ends where its length or its chunks say, and its connection is kept: closing it too could fail the next
 * request, which the pool may already have handed it to (a 302 case of HttpFaultsIT once failed so).
 *
 * <p>
 * Registered on every {@link ClusterApi} client; the client runs it once the head of an answer has come, before
 * the answer ends and its connection would go back to the pool.
 */
final class KeptConnections implements ClientResponseFilter {

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (!endsAtItsHead(response.getStatus()) || !(request instanceof ClientRequestContextImpl client)) {
            return;
        }
        HttpClientRequest sent = client.getRestClientRequestContext().getHttpClientRequest();
        if (sent != null) {
            // Closed once this answer ends, so the answer itself is still read as it came; never pooled again.
            sent.connection().shutdown();
        }
    }

    private static boolean endsAtItsHead(int status) {
        return status < 200 || status == 204 || status == 304;
    }
}
