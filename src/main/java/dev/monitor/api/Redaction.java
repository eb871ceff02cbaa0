package dev.monitor.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one step every message passes that could carry a secret: Java's words about a failed request (Vert.x puts
 * a header's value in its exception), an error no one expected, a usage error quoting what was typed. It hides
 * the run's own secrets in every form they travel in (the token, {@code user:password}, the password, their
 * Base64), any {@code Bearer} or {@code Basic} credentials, and the user, query and fragment of every URL.
 */
public final class Redaction {

    private static final String HIDDEN = "***";

    /** Without knowing the secrets: credentials after their scheme's name, and what URLs carry besides a place. */
    public static final Redaction PATTERNS = new Redaction(List.of());

    /** Their value in RFC 7235's token68 characters (and the stars of one already hidden). */
    private static final Pattern AUTHORIZATION = Pattern.compile("\\b(Bearer|Basic) +[A-Za-z0-9._~+/=*-]+");
    /** Spaces included: a password typed with one must not leave its second half behind. */
    private static final Pattern URL_USER = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#'\"\\r\\n]*@");
    /** Up to a space or a quote, less the punctuation of the sentence around it ("redirect to URL, not followed"). */
    private static final Pattern URL_QUERY = Pattern.compile(
            "(?i)(\\b[a-z][a-z0-9+.-]*://[^?#\\s'\"]*)([?#])[^\\s'\"]*[^\\s'\",.;:)]");

    /** Longest first, so that a password inside {@code user:password} does not leave the user's half behind. */
    private final List<String> secrets;

    private Redaction(List<String> secrets) {
        this.secrets = secrets.stream().filter(secret -> !secret.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** Knowing the run's secrets: its credentials, and the proxy's. */
    public static Redaction of(Access access) {
        List<String> secrets = new ArrayList<>();
        access.credentials().ifPresent(credentials -> secrets.addAll(credentials.forms()));
        if (access.proxy().userInfo() != null) {
            // Sent to the proxy in a Proxy-Authorization header, as Basic authentication.
            secrets.addAll(basicForms(access.proxy().userInfo()));
        }
        return new Redaction(secrets);
    }

    /** {@code user:password}, the password alone, and the Base64 that Basic authentication sends. */
    static List<String> basicForms(String userAndPassword) {
        return List.of(userAndPassword, userAndPassword.substring(userAndPassword.indexOf(':') + 1),
                Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * One URL as it was typed ({@code --url}, a context's url), to quote in a message: its user and password, query
     * and fragment as {@code ***}, even when it is too broken to parse ({@code user:pw@host} without a scheme).
     */
    public static String typedUrl(String url) {
        int start = url.indexOf("://") < 0 ? 0 : url.indexOf("://") + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        int at = authority.lastIndexOf('@');
        String rest = url.substring(end);
        int query = rest.replace('#', '?').indexOf('?');
        return url.substring(0, start) + (at < 0 ? authority : HIDDEN + authority.substring(at))
                + (query < 0 ? rest : rest.substring(0, query + 1) + HIDDEN);
    }

    /** The text with every secret it holds as {@code ***}; null stays null. */
    public String apply(String text) {
        if (text == null) {
            return null;
        }
        String hidden = text;
        for (String secret : secrets) {
            hidden = hidden.replace(secret, HIDDEN);
        }
        hidden = AUTHORIZATION.matcher(hidden).replaceAll("$1 " + HIDDEN);
        hidden = URL_USER.matcher(hidden).replaceAll("$1" + Matcher.quoteReplacement(HIDDEN) + "@");
        return URL_QUERY.matcher(hidden).replaceAll("$1$2" + Matcher.quoteReplacement(HIDDEN));
    }
}
