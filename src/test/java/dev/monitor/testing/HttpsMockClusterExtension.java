package dev.monitor.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.monitor.mock.MockCluster;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;

/**
 * The project's mock cluster API served over HTTPS on a free loopback port, with a certificate made for the
 * test class ({@link TestCertificates}); optionally requiring a client certificate signed by the same CA, or
 * serving a certificate of that CA for another host name only.
 */
public class HttpsMockClusterExtension implements BeforeAllCallback, AfterAllCallback {

    private final MockCluster cluster;
    private final boolean requireClientCertificate;
    private final boolean certificateForAnotherName;
    private Vertx vertx;
    private int port;
    private Path folder;
    private TestCertificates certificates;

    public HttpsMockClusterExtension(int servers, int percentage, boolean requireClientCertificate) {
        this(servers, percentage, requireClientCertificate, false);
    }

    private HttpsMockClusterExtension(int servers, int percentage, boolean requireClientCertificate,
            boolean certificateForAnotherName) {
        this.cluster = new MockCluster(servers, Duration.ZERO, () -> percentage);
        this.requireClientCertificate = requireClientCertificate;
        this.certificateForAnotherName = certificateForAnotherName;
    }

    /** Serves a certificate the test CA signed for other.example only: trusted, but not for 127.0.0.1 or localhost. */
    public static HttpsMockClusterExtension withCertificateForAnotherName(int servers, int percentage) {
        return new HttpsMockClusterExtension(servers, percentage, false, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("monitor-tls");
        certificates = TestCertificates.writeTo(folder);
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(0).setSsl(true)
                .setKeyCertOptions(new PemKeyCertOptions()
                        .setCertPath((certificateForAnotherName ? certificates.otherNameCert()
                                : certificates.serverCert()).toString())
                        .setKeyPath((certificateForAnotherName ? certificates.otherNameKey()
                                : certificates.serverKey()).toString()));
        if (requireClientCertificate) {
            options.setClientAuth(ClientAuth.REQUIRED)
                    .setTrustOptions(new PemTrustOptions().addCertPath(certificates.ca().toString()));
        }
        vertx = Vertx.vertx();
        port = cluster.start(vertx, options).toCompletionStage().toCompletableFuture().join();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        vertx.close().toCompletionStage().toCompletableFuture().join();
        TempFolders.delete(folder);
    }

    public MockCluster cluster() {
        return cluster;
    }

    public TestCertificates certificates() {
        return certificates;
    }

    public int port() {
        return port;
    }

    /** The URL by address; {@code localhost} works as well, both names are in the certificate (unless for another name). */
    public String url() {
        return "https://127.0.0.1:" + port;
    }
}
