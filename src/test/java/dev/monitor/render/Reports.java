package dev.monitor.render;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.monitor.analysis.Analyzer;
import dev.monitor.analysis.BreachStreaks;
import dev.monitor.analysis.HealthyLevel;
import dev.monitor.analysis.Report;
import dev.monitor.analysis.ServiceLevels;
import dev.monitor.analysis.Thresholds;
import dev.monitor.snapshot.Server;
import dev.monitor.snapshot.Shard;
import dev.monitor.snapshot.Snapshot;
import dev.monitor.testing.TestThresholds;

/** Reports made by the real analyzer from snapshots written out in the test, with the default thresholds. */
final class Reports {

    static final URI ENDPOINT = URI.create("http://127.0.0.1:8080");
    static final Instant FETCHED = Instant.parse("2026-11-26T08:00:00Z");
    /** The most requests the fetch of every report here had in flight. */
    static final int PEAK_CONCURRENCY = 6;
    /** How long the fetch of every report here took. */
    static final Duration FETCH_DURATION = Duration.ofMillis(2500);

    private Reports() {
    }

    static Report of(Server... servers) {
        return of(TestThresholds.TYPICAL, servers);
    }

    static Report of(Thresholds thresholds, Server... servers) {
        return of(thresholds, BreachStreaks.AT_ONCE, servers);
    }

    private static Report of(Thresholds thresholds, BreachStreaks streaks, Server... servers) {
        return of(Shard.WHOLE, thresholds, streaks, null, List.of(servers));
    }

    /**
     * @param shard the share the servers are of: only those it holds are kept
     * @param stale why the data is stale, or null
     */
    static Report of(Shard shard, Thresholds thresholds, BreachStreaks streaks, String stale, List<Server> servers) {
        return new Analyzer().analyze(new Snapshot(ENDPOINT, FETCHED,
                servers.stream().filter(server -> shard.holds(server.ip())).toList(), PEAK_CONCURRENCY, FETCH_DURATION,
                shard), thresholds, streaks, FETCHED.plus(Duration.ofMillis(1500)), stale);
    }

    /** {@link #mixed()}'s servers as shown from a saved snapshot because the API could not be read. */
    static Report stale() {
        return of(Shard.WHOLE, TestThresholds.TYPICAL, BreachStreaks.AT_ONCE, "cannot list servers: HTTP 500",
                mixed().snapshot().servers());
    }

    /**
     * AuthService: two healthy, one unhealthy, one UNKNOWN (OK on its own); UserService: one healthy only
     * (CRITICAL); a server whose service was never learnt.
     */
    static Report mixed() {
        return mixed(TestThresholds.TYPICAL, BreachStreaks.AT_ONCE);
    }

    /**
     * {@link #mixed()} with levels of their own: at a global minimum of 1, AuthService warns below 3 (WARNING with
     * its 2 healthy) and UserService needs 2 (CRITICAL with its 1).
     */
    static Report withOwnLevels() {
        return mixed(TestThresholds.typical().withMinHealthy(new HealthyLevel.Count(1)).withServiceLevels(Map.of(
                "AuthService", new ServiceLevels(Optional.empty(), Optional.of(new HealthyLevel.Count(3))),
                "UserService", new ServiceLevels(Optional.of(new HealthyLevel.Count(2)), Optional.empty())))
                .thresholds(), BreachStreaks.AT_ONCE);
    }

    private static Report mixed(Thresholds thresholds, BreachStreaks streaks) {
        return of(thresholds, streaks,
                new Server.Measured("10.0.0.10", "AuthService", 9, 20),
                new Server.Measured("10.0.0.9", "AuthService", 10, 30),
                new Server.Measured("10.0.0.2", "AuthService", 95, 10),
                new Server.Unknown("10.0.0.3", "AuthService", "timed out after 5s"),
                new Server.Measured("10.0.0.4", "UserService", 50, 50),
                new Server.Unknown("not-an-ip", null, "not an IP address, not requested"));
    }

    /** {@link #mixed()} under {@code --for 3}, UserService's second fresh fetch in a row below its minimum. */
    static Report heldBack() {
        return mixed(TestThresholds.TYPICAL, new BreachStreaks(3, Map.of("UserService", 1)));
    }

    static Report allHealthy() {
        return allHealthy(BreachStreaks.AT_ONCE);
    }

    /** {@link #allHealthy()} judged under {@code --for N}: no service below its minimum, so no breach. */
    static Report allHealthyUnderFor(int breachesFor) {
        return allHealthy(new BreachStreaks(breachesFor, Map.of()));
    }

    private static Report allHealthy(BreachStreaks streaks) {
        return of(TestThresholds.TYPICAL, streaks,
                new Server.Measured("10.0.0.1", "AuthService", 10, 20),
                new Server.Measured("10.0.0.2", "AuthService", 30, 40));
    }
}
