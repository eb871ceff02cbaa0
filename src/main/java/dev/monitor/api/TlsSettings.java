package dev.monitor.api;

import java.nio.file.Path;

/**
 * How an {@code https://} API is trusted. By default its certificate must chain to the JDK's trust store
 * and name the host asked for.
 *
 * @param caBundle   PEM certificates trusted besides the JDK's (--cacert), or null
 * @param clientCert PEM certificate (chain) presented for mutual TLS (--cert), or null
 * @param clientKey  PEM private key of {@code clientCert} (--key), or null
 * @param insecure   trust any certificate for any host name (--insecure)
 */
public record TlsSettings(Path caBundle, Path clientCert, Path clientKey, boolean insecure) {
}
