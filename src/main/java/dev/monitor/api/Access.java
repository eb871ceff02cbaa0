package dev.monitor.api;

import java.util.Optional;

/**
 * How to reach the API beyond its URL: whom to trust, what secret to show it, which proxy to go through.
 * Its {@code toString} never shows a secret (see {@link Credentials} and {@link ProxyRoute}).
 */
public record Access(TlsSettings tls, Optional<Credentials> credentials, ProxyRoute proxy) {
}
