package dev.monitor.bench;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import dev.monitor.mock.MockFleet;
import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Snapshot;

/** Snapshots of made-up fleets, the same on every run: the mock's addresses, shuffled, 1 % of them UNKNOWN. */
final class Fleets {

    private Fleets() {
    }

    static Snapshot snapshot(int size) {
        Random random = new Random(42);
        List<Server> servers = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String ip = MockFleet.address(i);
            String service = MockFleet.SERVICE_NAMES.get(random.nextInt(MockFleet.SERVICE_NAMES.size()));
            servers.add(random.nextInt(100) == 0
                    ? new Server.Unknown(ip, service, "HTTP 503")
                    : new Server.Measured(ip, service, random.nextInt(101), random.nextInt(101)));
        }
        Collections.shuffle(servers, random);
        return new Snapshot(URI.create("http://localhost:8080"), Instant.parse("2026-11-26T08:00:00Z"), servers);
    }
}
