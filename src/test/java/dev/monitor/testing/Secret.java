package dev.monitor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.quarkus.test.junit.main.LaunchResult;

/**
 * A secret a test hands to monitor, with every form in which a leak would show it: as given, in its
 * {@code Authorization} (or {@code Proxy-Authorization}) header, base64-encoded (how basic authentication sends
 * {@code user:password}) and percent-encoded. A test that says a secret shows nowhere checks each place it has
 * (stdout, stderr, the snapshot, the history, {@code --output-file}) for every form, with these assertions.
 */
public record Secret(String name, Set<String> forms) {

    /** A bearer token, sent as {@code Authorization: Bearer TOKEN}. */
    public static Secret token(String token) {
        return new Secret("token", forms(List.of(token), "Bearer " + token));
    }

    /** A password, sent with its user as {@code Basic base64(user:password)}, as basic authentication and proxies do. */
    public static Secret password(String user, String password) {
        String pair = user + ":" + password;
        return new Secret("password of " + user, forms(List.of(password, pair), "Basic " + base64(pair)));
    }

    /** A secret known by the forms given only: the halves of one that a control character splits, say. */
    public static Secret inForms(String name, String... forms) {
        return new Secret(name, new LinkedHashSet<>(List.of(forms)));
    }

    private static Set<String> forms(List<String> plain, String header) {
        Set<String> forms = new LinkedHashSet<>();
        for (String text : plain) {
            forms.add(text);
            forms.add(base64(text));
            forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
            forms.add(URLEncoder.encode(text, StandardCharsets.UTF_8));
        }
        forms.add(header);
        return forms;
    }

    /** Without padding, so that it is found however a leak ends it. */
    private static String base64(String text) {
        return Base64.getEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Fails, naming the place and the form, when the text shows the secret in any of its forms. */
    public void assertNotIn(String place, String text) {
        for (String form : forms) {
            assertThat(text).as("the %s, as \"%s\", in %s", name, form, place).doesNotContain(form);
        }
    }

    /** Neither the run's stdout nor its stderr shows it. */
    public void assertNotIn(LaunchResult result) {
        assertNotIn("stdout", result.getOutput());
        assertNotIn("stderr", result.getErrorOutput());
    }

    /** None of the files shows it; a file the run did not write is skipped. */
    public void assertNotInFiles(List<Path> files) {
        for (Path file : files) {
            try {
                if (Files.exists(file)) {
                    assertNotIn(file.toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * No file in the folder or below shows it (the snapshot, its history, an {@code --output-file}, whatever the run
     * wrote), but the files named, which hold it on purpose (the token file).
     */
    public void assertNotInFilesUnder(Path folder, Path... holders) {
        List<Path> exempt = Stream.of(holders).map(Path::toAbsolutePath).toList();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!exempt.contains(file.toAbsolutePath())) {
                    assertNotIn(file.toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
