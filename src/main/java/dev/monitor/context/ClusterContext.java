package dev.monitor.context;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import dev.monitor.analysis.HealthyLevel;
import dev.monitor.analysis.ServiceLevels;
import dev.monitor.api.ApiUrl;
import dev.monitor.api.ProxySelection;
import dev.monitor.api.Redaction;

/**
 * A named cluster, as {@code monitor context add} saves it. Never a secret: a token is named by the path of
 * its file, and proxy credentials stay in the environment.
 *
 * @param minHealthy  and {@code warnHealthy}: as {@code --min-healthy} takes them, or empty
 * @param services    the services with levels of their own, by name; in the file
 *                    {@code AuthService: {min-healthy: 3}}
 */
public record ClusterContext(String url, String tokenFile, String caBundle, String proxy,
        Optional<HealthyLevel> minHealthy, Optional<HealthyLevel> warnHealthy, List<String> expectServices,
        SortedMap<String, ServiceLevels> services) implements ContextEntry {

    private static final Set<String> SERVICE_KEYS = Set.of("min-healthy", "warn-healthy");

    /**
     * Every key {@link #toYaml} may write, and the only ones an entry may hold: another is most likely a misspelt
     * one ({@code min-helthy}), and ignoring it would drop what the user asked for in silence.
     */
    static final List<String> KEYS = List.of("url", "token-file", "cacert", "proxy", "min-healthy", "warn-healthy",
            "expect-services", "services");

    public ClusterContext {
        expectServices = expectServices == null ? List.of() : List.copyOf(expectServices);
        services = Collections.unmodifiableSortedMap(services == null ? new TreeMap<>() : new TreeMap<>(services));
    }

    Map<String, Object> toYaml() {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("url", url);
        putIfSet(yaml, "token-file", tokenFile);
        putIfSet(yaml, "cacert", caBundle);
        putIfSet(yaml, "proxy", proxy);
        putLevels(yaml, minHealthy, warnHealthy);
        if (!expectServices.isEmpty()) {
            yaml.put("expect-services", expectServices);
        }
        if (!services.isEmpty()) {
            Map<String, Object> own = new LinkedHashMap<>();
            services.forEach((service, levels) -> {
                Map<String, Object> block = new LinkedHashMap<>();
                putLevels(block, levels.minHealthy(), levels.warnHealthy());
                own.put(service, block);
            });
            yaml.put("services", own);
        }
        return yaml;
    }

    /** @throws ContextException saying, without the context's name, what in the entry cannot be used */
    static ClusterContext fromYaml(Object node) {
        if (!(node instanceof Map<?, ?> map)) {
            throw new ContextException("no url");
        }
        List<String> unknown = map.keySet().stream().map(String::valueOf).filter(key -> !KEYS.contains(key)).toList();
        if (!unknown.isEmpty()) {
            throw new ContextException((unknown.size() == 1 ? "unknown key '" : "unknown keys '")
                    + String.join("', '", unknown) + "' (known: " + String.join(", ", KEYS) + ")");
        }
        if (map.get("url") == null) {
            throw new ContextException("no url");
        }
        if (!(map.get("url") instanceof String url)) {
            throw new ContextException("url " + Redaction.typedUrl(String.valueOf(map.get("url")))
                    + " is not a URL like http://cluster.example:8080");
        }
        Object expectedNode = map.get("expect-services");
        if (expectedNode != null && (!(expectedNode instanceof List<?> names) || names.contains(null))) {
            // Ignoring it would make a gate stop requiring those services, in silence.
            throw new ContextException("expect-services must be a list of service names, like [AuthService, IdService]");
        }
        List<String> expected = expectedNode instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
        // Found with the file, as a level is: a run of it would only refuse it later, as if --url had been given.
        check(url, text(map, "proxy"), expected, key -> key);
        TreeMap<String, ServiceLevels> own = new TreeMap<>();
        Object ownNode = map.get("services");
        if (ownNode instanceof Map<?, ?> ownMap) {
            ownMap.forEach((service, levels) -> own.put(String.valueOf(service),
                    serviceLevels(String.valueOf(service), levels)));
        } else if (ownNode != null) {
            throw new ContextException("services must map service names to their levels");
        }
        return new ClusterContext(url, text(map, "token-file"), text(map, "cacert"), text(map, "proxy"),
                level(map, "min-healthy"), level(map, "warn-healthy"), expected, own);
    }

    /**
     * The one check of an entry's values, for the contexts file as it is read and for {@code context add} alike, so
     * that what one takes the other does: a URL a run can use, no blank service name, a proxy URL without
     * credentials. (Levels are read as {@code --min-healthy} reads them, and weighed against each other where a run
     * has them all.)
     *
     * @param named how the user gave each key: as itself in the file ({@code url}), or as the option of
     *              {@code context add} that sets it ({@code --url})
     * @throws ContextException saying, in those words, what cannot be used
     */
    public static void check(String url, String proxy, List<String> expectServices, UnaryOperator<String> named) {
        try {
            ApiUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new ContextException(named.apply("url") + " " + e.getMessage());
        }
        Optional<String> blank = expectServices == null ? Optional.empty()
                : expectServices.stream().filter(String::isBlank).findFirst();
        if (blank.isPresent()) {
            // It would be a service no cluster lists, CRITICAL on every run.
            throw new ContextException(named.apply("expect-services") + " needs a service name, not '" + blank.get()
                    + "'");
        }
        if (proxy != null) {
            try {
                ProxySelection.option(proxy, named.apply("proxy"));
            } catch (ProxySelection.InvalidProxyException e) {
                throw new ContextException(e.getMessage());
            }
        }
    }

    /** A key other than the two is refused rather than ignored: a misspelt level would silently not apply. */
    private static ServiceLevels serviceLevels(String service, Object node) {
        if (!(node instanceof Map<?, ?> map) || map.isEmpty() || !SERVICE_KEYS.containsAll(map.keySet())) {
            throw new ContextException("service '" + service + "' must hold min-healthy and/or warn-healthy, "
                    + "and nothing else");
        }
        try {
            return new ServiceLevels(level(map, "min-healthy"), level(map, "warn-healthy"));
        } catch (ContextException e) {
            throw new ContextException("service '" + service + "': " + e.getMessage());
        }
    }

    /** Read as {@code --min-healthy} reads it, so that a bad level is found with the file, not by a later run. */
    private static Optional<HealthyLevel> level(Map<?, ?> map, String key) {
        try {
            return Optional.ofNullable(text(map, key)).map(HealthyLevel::parse);
        } catch (IllegalArgumentException e) {
            throw new ContextException(key + " " + e.getMessage());
        }
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? null : String.valueOf(value);
    }

    /** As written on the command line ({@code 3}, {@code 50%}). */
    private static void putLevels(Map<String, Object> yaml, Optional<HealthyLevel> min, Optional<HealthyLevel> warn) {
        putIfSet(yaml, "min-healthy", min.map(HealthyLevel::toString).orElse(null));
        putIfSet(yaml, "warn-healthy", warn.map(HealthyLevel::toString).orElse(null));
    }

    private static void putIfSet(Map<String, Object> yaml, String key, String value) {
        if (value != null) {
            yaml.put(key, value);
        }
    }
}
