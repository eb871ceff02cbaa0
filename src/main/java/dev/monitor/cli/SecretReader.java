package dev.monitor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.monitor.api.Credentials;
import dev.monitor.files.BoundedFile;
import dev.monitor.files.FileFailures;

/**
 * Finds the run's credentials: a file named by an option ({@code -} for standard input) before an
 * environment variable, a bearer token or basic authentication, never both. No option takes a secret as
 * its value, so none reaches {@code ps} or shell history; and no message here ever quotes a secret.
 */
final class SecretReader {

    static final String TOKEN_VARIABLE = "MONITOR_TOKEN";
    static final String BASIC_AUTH_VARIABLE = "MONITOR_BASIC_AUTH";

    /** A token or a password is a few hundred bytes; a few KiB more than that is not one. */
    static final int CAP = 8 << 10;

    /** A secret that cannot be read or used; the message says where from, never what it holds. */
    static final class SecretException extends RuntimeException {
        SecretException(String message) {
            super(message);
        }
    }

    private final Map<String, String> env;
    private final InputStream stdin;

    SecretReader(Map<String, String> env, InputStream stdin) {
        this.env = env;
        this.stdin = stdin;
    }

    Optional<Credentials> credentials(String tokenFile, String basicAuthFile) {
        if (tokenFile != null && basicAuthFile != null) {
            throw new SecretException("--token-file and --basic-auth-file cannot be combined: the API takes one");
        }
        if (tokenFile != null) {
            return Optional.of(checked(Credentials.Bearer::new, read(tokenFile, "--token-file"),
                    source(tokenFile, "--token-file")));
        }
        if (basicAuthFile != null) {
            return Optional.of(checked(Credentials.Basic::new, read(basicAuthFile, "--basic-auth-file"),
                    source(basicAuthFile, "--basic-auth-file")));
        }
        String token = env.get(TOKEN_VARIABLE);
        String basic = env.get(BASIC_AUTH_VARIABLE);
        if (token != null && !token.isBlank() && basic != null && !basic.isBlank()) {
            throw new SecretException(TOKEN_VARIABLE + " and " + BASIC_AUTH_VARIABLE
                    + " are both set: unset the one the API does not take");
        }
        if (token != null && !token.isBlank()) {
            return Optional.of(checked(Credentials.Bearer::new, token.strip(), "$" + TOKEN_VARIABLE));
        }
        if (basic != null && !basic.isBlank()) {
            return Optional.of(checked(Credentials.Basic::new, basic.strip(), "$" + BASIC_AUTH_VARIABLE));
        }
        return Optional.empty();
    }

    /** The secret as the API takes it, checked now: a bad one would otherwise fail (and be quoted) in the request. */
    private static Credentials checked(Function<String, Credentials> kind, String secret, String source) {
        try {
            return kind.apply(secret);
        } catch (IllegalArgumentException e) {
            throw new SecretException(source + " " + e.getMessage());
        }
    }

    private static String source(String file, String option) {
        return "-".equals(file) ? option + " - (standard input)" : option + " " + file;
    }

    /**
     * The whole file, up to {@link #CAP}, without the whitespace around it: editors and {@code echo} add a newline
     * the server would not expect. A line break inside is the secret's, and is refused with it.
     */
    private String read(String file, String option) {
        String source = source(file, option);
        byte[] bytes;
        try {
            bytes = "-".equals(file) ? BoundedFile.read(stdin, CAP) : BoundedFile.read(Path.of(file), CAP);
        } catch (IOException e) {
            throw new SecretException(source + ": cannot read it ("
                    + ("-".equals(file) ? e.getMessage() : FileFailures.unreadable(Path.of(file), e)) + ")");
        }
        String secret;
        try {
            secret = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString().strip();
        } catch (CharacterCodingException e) {
            throw new SecretException(source + " is not UTF-8 text");
        }
        if (secret.isEmpty()) {
            throw new SecretException(source + " is empty");
        }
        return secret;
    }
}
