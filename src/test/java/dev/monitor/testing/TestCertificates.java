package dev.monitor.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made at test time, written as PEM files in a folder: a self-signed CA ({@code ca.pem}), a
 * server certificate it signed for 127.0.0.1 and localhost ({@code server.pem}, {@code server-key.pem}), a
 * client certificate for mutual TLS ({@code client.pem}, {@code client-key.pem}), a second CA that signed
 * nothing here ({@code other-ca.pem}), and a server certificate the same CA signed for other.example only, not for
 * 127.0.0.1 or localhost ({@code other-name.pem}, {@code other-name-key.pem}).
 */
public record TestCertificates(Path ca, Path serverCert, Path serverKey, Path clientCert, Path clientKey,
        Path otherCa, Path otherNameCert, Path otherNameKey) {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    public static TestCertificates writeTo(Path folder) {
        try {
            KeyPair caKeys = keys();
            X509Certificate ca = certificate("CN=monitor test CA", caKeys, "CN=monitor test CA", caKeys.getPrivate(),
                    true, null, null);
            KeyPair serverKeys = keys();
            X509Certificate server = certificate("CN=localhost", serverKeys, "CN=monitor test CA",
                    caKeys.getPrivate(), false, KeyPurposeId.id_kp_serverAuth, new GeneralNames(new GeneralName[] {
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                            new GeneralName(GeneralName.dNSName, "localhost") }));
            KeyPair clientKeys = keys();
            X509Certificate client = certificate("CN=monitor test client", clientKeys, "CN=monitor test CA",
                    caKeys.getPrivate(), false, KeyPurposeId.id_kp_clientAuth, null);
            KeyPair otherNameKeys = keys();
            X509Certificate otherName = certificate("CN=other.example", otherNameKeys, "CN=monitor test CA",
                    caKeys.getPrivate(), false, KeyPurposeId.id_kp_serverAuth, new GeneralNames(
                            new GeneralName(GeneralName.dNSName, "other.example")));
            KeyPair otherKeys = keys();
            X509Certificate other = certificate("CN=another CA", otherKeys, "CN=another CA", otherKeys.getPrivate(),
                    true, null, null);
            return new TestCertificates(
                    write(folder.resolve("ca.pem"), ca),
                    write(folder.resolve("server.pem"), server),
                    write(folder.resolve("server-key.pem"), serverKeys.getPrivate()),
                    write(folder.resolve("client.pem"), client),
                    write(folder.resolve("client-key.pem"), clientKeys.getPrivate()),
                    write(folder.resolve("other-ca.pem"), other),
                    write(folder.resolve("other-name.pem"), otherName),
                    write(folder.resolve("other-name-key.pem"), otherNameKeys.getPrivate()));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make test certificates", e);
        }
    }

    private static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair keys, String issuer, PrivateKey issuerKey,
            boolean isCa, KeyPurposeId purpose, GeneralNames names)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(2))), new X500Name(subject), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (isCa) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        }
        if (names != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, names);
        }
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }

    private static Path write(Path file, Object pemObject) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            // Keys as PKCS#8 ("PRIVATE KEY"), the form every TLS stack reads, not OpenSSL's older EC form.
            pem.writeObject(pemObject instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : pemObject);
        }
        return Files.writeString(file, text.toString());
    }
}
