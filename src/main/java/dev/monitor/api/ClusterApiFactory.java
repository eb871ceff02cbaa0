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

    public ClusterApi create(URI endpoint, Access access, int concurrency, Duration connectTimeout) {
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(endpoint)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                // One connection per concurrent request: a smaller pool would queue the fan-out.
                .property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, concurrency)
                // No keep-alive: the client closes the connection of a streamed (Multi) answer once it is read,
                // after handing it back to the pool, so a reused connection would fail a request in flight
                // ("Connection was closed"). A connection per request is the price of capped bodies; forward
                // proxies (tinyproxy among them) may close plain-HTTP connections after each answer anyway.
                .property(QuarkusRestClientProperties.KEEP_ALIVE_ENABLED, false)
                // A redirect is reported, never followed: following one could carry the secret elsewhere.
                .followRedirects(false);
        if ("https".equals(endpoint.getScheme())) {
            TlsSettings tls = access.tls();
            builder.tlsConfiguration(new ClusterTlsConfiguration(tls))
                    .trustAll(tls.insecure())
                    .verifyHost(!tls.insecure());
        }
        access.credentials().ifPresent(credentials -> builder.register(new AuthorizationFilter(endpoint, credentials)));
        ProxyRoute proxy = access.proxy();
        if (proxy.isNone()) {
            // "none" keeps the JVM's http(s).proxyHost properties out: the proxy is chosen once, by ProxySelection.
            builder.proxyAddress("none", 0);
        } else {
            builder.proxyAddress(proxy.host(), proxy.port());
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
