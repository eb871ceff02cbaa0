package dev.monitor.fetch;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import dev.monitor.text.Printable;

/** Says what a failed TLS handshake means for the user, and what to do about it. */
final class TlsFailures {

    /** The name in the JDK's "No subject alternative names matching IP address 127.0.0.1 found" (or DNS name). */
    private static final Pattern HOST_NAME = Pattern.compile("matching (?:IP address |DNS name )?(\\S+?) found");

    private TlsFailures() {
    }

    /**
     * What failed, or null when the failure is not one of TLS. The handshake's exception comes as a cause, or
     * (when Vert.x closed the connection on it) only named in an {@code IOException}'s message.
     */
    static String describe(Throwable failure) {
        boolean tls = false;
        boolean certificate = false;
        String detail = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().lines().findFirst().orElse("");
            tls |= cause instanceof SSLException || message.contains("javax.net.ssl.");
            certificate |= cause instanceof CertificateException || cause instanceof CertPathValidatorException
                    || cause.getClass().getName().endsWith("ValidatorException");
            if (!message.isEmpty()) {
                detail = message.replaceFirst("^.*javax\\.net\\.ssl\\.\\w+: ", "");
            }
        }
        if (!tls) {
            return null;
        }
        detail = Printable.of(detail == null ? "handshake failed" : detail);
        if (detail.contains("certificate_required") || detail.contains("bad_certificate")) {
            return "TLS: the server wants a client certificate it trusts (" + detail + "); give --cert FILE --key FILE";
        }
        if (certificate && (detail.contains("No subject alternative") || detail.contains("doesn't match"))) {
            // A CA bundle cannot fix this one: the certificate is trusted, but made out to other names.
            Matcher host = HOST_NAME.matcher(detail);
            return "TLS: the server's certificate is not for the host name " + (host.find() ? host.group(1) : "asked for")
                    + " (" + detail + "); use --url with a name the certificate lists (trusting its CA with --cacert "
                    + "does not change the names)";
        }
        if (certificate) {
            return "TLS: the server's certificate is not trusted (" + detail
                    + "); name the CA that issued it with --cacert FILE";
        }
        if (detail.startsWith("not an SSL/TLS record")) {
            // The JDK shows the plain answer's bytes in hex: what they mean is that the port speaks plain HTTP.
            return "TLS: the server answered in plain HTTP, not TLS; use an http:// URL for it";
        }
        return "TLS: " + detail;
    }
}
