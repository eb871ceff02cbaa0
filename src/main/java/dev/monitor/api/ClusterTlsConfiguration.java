package dev.monitor.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import io.quarkus.tls.BaseTlsConfiguration;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;

/**
 * The TLS of one run, as the REST client takes it: the JDK's trusted CAs plus a PEM bundle, an optional
 * client certificate, or (with {@code --insecure}) no checks at all.
 */
final class ClusterTlsConfiguration extends BaseTlsConfiguration {

    private final TlsSettings settings;
    private final TrustOptions trust;
    private final KeyCertOptions keyCert;

    /** @throws IllegalArgumentException when a PEM file cannot be read or used, in words naming its option */
    ClusterTlsConfiguration(TlsSettings settings) {
        this.settings = settings;
        this.trust = settings.caBundle() == null || settings.insecure() ? null : trustWithBundle(settings);
        this.keyCert = settings.clientCert() == null ? null
                : PemFiles.keyCert("--cert", settings.clientCert(), "--key", settings.clientKey());
    }

    @Override
    public TrustOptions getTrustStoreOptions() {
        return trust;
    }

    @Override
    public KeyCertOptions getKeyStoreOptions() {
        // Vert.x reads PEM keys in PKCS#8 and the older PKCS#1 (RSA) forms.
        return keyCert;
    }

    @Override
    public boolean isTrustAll() {
        return settings.insecure();
    }

    @Override
    public Optional<String> getHostnameVerificationAlgorithm() {
        return Optional.of(settings.insecure() ? "NONE" : "HTTPS");
    }

    @Override
    public String getName() {
        return "monitor";
    }

    /** The bundle adds to the JDK's CAs instead of replacing them: a private CA for the cluster, public ones still trusted. */
    private static TrustOptions trustWithBundle(TlsSettings settings) {
        byte[] bundle = PemFiles.read("--cacert", settings.caBundle());
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (X509Certificate ca : jdkTrustManager().getAcceptedIssuers()) {
                store.setCertificateEntry("jdk-" + n++, ca);
            }
            for (Certificate ca : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bundle))) {
                store.setCertificateEntry("cacert-" + n++, ca);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return TrustOptions.wrap(factory);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("--cacert " + settings.caBundle() + " is not a PEM certificate bundle: "
                    + e.getMessage(), e);
        }
    }

    private static X509TrustManager jdkTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (var manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK has no X.509 trust manager");
    }
}
