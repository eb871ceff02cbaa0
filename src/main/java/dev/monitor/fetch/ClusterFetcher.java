package dev.monitor.fetch;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;

import dev.monitor.api.ClusterApiFactory;

/** Opens a {@link ClusterConnection} to the endpoint a run names. */
@ApplicationScoped
public class ClusterFetcher {

    private final ClusterApiFactory apiFactory;

    public ClusterFetcher(ClusterApiFactory apiFactory) {
        this.apiFactory = apiFactory;
    }

    public ClusterConnection connect(URI endpoint, FetchSettings settings) {
        return new ClusterConnection(
                apiFactory.create(endpoint, settings.access(), settings.concurrency().bound(), settings.timeout()),
                () -> apiFactory.createWithoutKeepAlive(endpoint, settings.access(),
                        settings.concurrency().bound(), settings.timeout()),
                endpoint, settings);
    }
}
