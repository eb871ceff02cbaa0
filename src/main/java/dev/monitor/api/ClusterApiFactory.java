package dev.monitor.api;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/** Builds the {@link ClusterApi} client for one run, for the endpoint and limits the flags name. */
@ApplicationScoped
public class ClusterApiFactory {

    public ClusterApi create(URI endpoint, int concurrency, Duration connectTimeout) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(endpoint)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                // One kept-alive connection per concurrent request: a smaller pool would queue the fan-out.
                .property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, concurrency)
                .property(QuarkusRestClientProperties.KEEP_ALIVE_ENABLED, true)
                .followRedirects(false)
                .build(ClusterApi.class);
    }
}
