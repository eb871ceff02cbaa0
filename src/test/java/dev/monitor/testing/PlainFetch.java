package dev.monitor.testing;

import java.time.Duration;
import java.util.Optional;

import dev.monitor.api.Access;
import dev.monitor.api.ProxyRoute;
import dev.monitor.api.TlsSettings;
import dev.monitor.fetch.Concurrency;
import dev.monitor.fetch.FetchSettings;
import dev.monitor.fetch.Pacing;
import dev.monitor.snapshot.Shard;

/** Fetch settings for plain http:// to a local mock: no TLS options, no credentials, no proxy, no pacing. */
public final class PlainFetch {

    private PlainFetch() {
    }

    public static FetchSettings settings(int concurrency, Duration timeout, int retries) {
        return new FetchSettings(new Concurrency.Fixed(concurrency), timeout, retries,
                new Access(new TlsSettings(null, null, null, false), Optional.empty(), ProxyRoute.NONE),
                new Pacing(0, null), Shard.WHOLE);
    }
}
