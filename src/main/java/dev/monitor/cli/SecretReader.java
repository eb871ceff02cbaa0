package dev.monitor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

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
            return Optional.of(new Credentials.Bearer(read(tokenFile, "--token-file")));
        }
        if (basicAuthFile != null) {
            return Optional.of(basic(read(basicAuthFile, "--basic-auth-file"), "--basic-auth-file " + basicAuthFile));
        }
        String token = env.get(TOKEN_VARIABLE);
        String basic = env.get(BASIC_AUTH_VARIABLE);
        if (token != null && !token.isBlank() && basic != null && !basic.isBlank()) {
            throw new SecretException(TOKEN_VARIABLE + " and " + BASIC_AUTH_VARIABLE
                    + " are both set: unset the one the API does not take");
        }
        if (token != null && !token.isBlank()) {
            return Optional.of(new Credentials.Bearer(token.strip()));
        }
        if (basic != null && !basic.isBlank()) {
            return Optional.of(basic(basic.strip(), BASIC_AUTH_VARIABLE));
        }
        return Optional.empty();
    }

    private static Credentials basic(String userAndPassword, String source) {
        if (userAndPassword.indexOf(':') < 1) {
            throw new SecretException(source + " must hold user:password");
        }
        return new Credentials.Basic(userAndPassword);
    }

    /**
     * The file's first line, trimmed: editors and {@code echo} add a newline the server would not expect. Read up to
     * {@link #CAP}, so that {@code /dev/zero} or a stream that never ends costs that and no more.
     */
    private String read(String file, String option) {
        String source = "-".equals(file) ? option + " - (standard input)" : option + " " + file;
        String text;
        try {
            text = new String("-".equals(file) ? BoundedFile.read(stdin, CAP) : BoundedFile.read(Path.of(file), CAP),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SecretException(source + ": cannot read it ("
                    + ("-".equals(file) ? e.getMessage() : FileFailures.unreadable(Path.of(file), e)) + ")");
        }
        String secret = text.lines().findFirst().orElse("").strip();
        if (secret.isEmpty()) {
            throw new SecretException(source + " is empty");
        }
        return secret;
    }
}
