package dev.monitor.api;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/** Builds the {@link ClusterApi} client for one run, for the endpoint, access and limits the flags name. */
@ApplicationScoped
public class ClusterApiFactory {

    private static final Duration READ_TIMEOUT_GRACE = Duration.ofSeconds(1);

    /** A client whose connections are kept alive for the next request. */
    public ClusterApi create(URI endpoint, Access access, int concurrency, Duration timeout) {
        return create(endpoint, access, concurrency, timeout, true);
    }

    /**
     * A client that opens a new connection for each request and closes it after the answer: for a retry, which
     * must not be handed another kept-alive connection that the other end may have closed too.
     */
    public ClusterApi createWithoutKeepAlive(URI endpoint, Access access, int concurrency, Duration timeout) {
        return create(endpoint, access, concurrency, timeout, false);
    }

    private ClusterApi create(URI endpoint, Access access, int concurrency, Duration timeout, boolean keepAlive) {
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(endpoint)
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                // A connection silent for longer than a request's timeout is closed, so an abandoned request
                // (its deadline passed while the server hung) does not hold a place in the pool. A little later
                // than the request's own deadline, so that the deadline, which says so in the run's words, fires first.
                .readTimeout(timeout.plus(READ_TIMEOUT_GRACE).toMillis(), TimeUnit.MILLISECONDS)
                // One connection per concurrent request: a smaller pool would queue the fan-out.
                .property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, concurrency)
                // Kept-alive connections (the default): one TCP (and TLS) handshake per connection, not per request.
                // A redirect is reported, never followed: following one could carry the secret elsewhere.
                .followRedirects(false)
                .register(new ConnectionRelease.Filter())
                .register(new KeptConnections());
        if ("https".equals(endpoint.getScheme())) {
            TlsSettings tls = access.tls();
            builder.tlsConfiguration(new ClusterTlsConfiguration(tls))
                    .trustAll(tls.insecure())
                    .verifyHost(!tls.insecure());
        }
        access.credentials().ifPresent(credentials -> builder.register(new AuthorizationFilter(endpoint, credentials)));
        if (!keepAlive) {
            builder.property(QuarkusRestClientProperties.KEEP_ALIVE_ENABLED, false);
        }
        ProxyRoute proxy = access.proxy();
        if (proxy.isNone()) {
            // "none" keeps the JVM's http(s).proxyHost properties out: the proxy is chosen once, by ProxySelection.
            builder.proxyAddress("none", 0);
        } else {
            builder.proxyAddress(proxy.host(), proxy.port());
            if ("http".equals(endpoint.getScheme())) {
                // Plain HTTP through a forward proxy: proxies may close the client's connection after each answer
                // without saying so (tinyproxy does), and then every reuse fails. A connection per request there;
                // https goes through a CONNECT tunnel, which stays open and is kept alive.
                builder.property(QuarkusRestClientProperties.KEEP_ALIVE_ENABLED, false);
            }
            if (proxy.userInfo() != null) {
                int colon = proxy.userInfo().indexOf(':');
                builder.proxyUser(colon < 0 ? proxy.userInfo() : proxy.userInfo().substring(0, colon));
                if (colon >= 0) {
                    builder.proxyPassword(proxy.userInfo().substring(colon + 1));
                }
            }
        }
        return builder.build(ClusterApi.class);
    }
}
