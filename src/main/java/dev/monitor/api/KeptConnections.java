package dev.monitor.api;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

import org.jboss.resteasy.reactive.client.impl.ClientRequestContextImpl;

import io.vertx.core.http.HttpClientRequest;

/**
 * A connection is kept for the next request only after a 200, the one answer monitor reads figures from. Any other
 * may have left bytes on it that the next request would take for its own answer: a 204, a 304 or a 1xx ends at its
 * head by HTTP's rules, whatever length its headers announce, so a server that sends a body after such a head
 * anyway would answer the next request, for another server, with it. An error status costs the next request a new
 * connection, which is cheap beside a healthy server reported broken.
 *
 * <p>
 * Registered on every {@link ClusterApi} client; the client runs it once the head of an answer has come, before
 * the answer ends and its connection would go back to the pool.
 */
final class KeptConnections implements ClientResponseFilter {

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getStatus() == 200 || !(request instanceof ClientRequestContextImpl client)) {
            return;
        }
        HttpClientRequest sent = client.getRestClientRequestContext().getHttpClientRequest();
        if (sent != null) {
            // Closed once this answer ends, so the answer itself is still read as it came; never pooled again.
            sent.connection().shutdown();
        }
    }
}
