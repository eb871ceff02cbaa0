package dev.monitor.testing;

import java.net.URI;
import java.time.Duration;

import org.awaitility.Awaitility;

/**
 * A running {@code monitor serve}, in-process ({@link ServeInProcess}) or packaged, as a test scrapes it: its
 * endpoints by path, a scrape of {@code /metrics}, and the wait for its first complete fetch.
 */
public interface ServedMetrics {

    /** {@code http://127.0.0.1:PORT/path}. */
    URI uri(String path);

    /** A scrape of {@code /metrics}, as Prometheus' plain GET. */
    default Scrape metrics() {
        return Scrape.get(uri("/metrics"));
    }

    /** Waits until {@code /-/ready} says a fetch has completed. */
    default void awaitReady() {
        Awaitility.await("monitor serve ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> Scrape.get(uri("/-/ready")).status() == 200);
    }
}
