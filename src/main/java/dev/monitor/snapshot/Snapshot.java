package dev.monitor.snapshot;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What one fetch learnt of a cluster, and when. */
public record Snapshot(URI endpoint, Instant fetchedAt, List<Server> servers) {

    public Snapshot {
        servers = List.copyOf(servers);
    }

    public Duration ageAt(Instant now) {
        Duration age = Duration.between(fetchedAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }
}
