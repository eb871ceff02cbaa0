package dev.monitor.context;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A named cluster, as {@code monitor context add} saves it. Never a secret: a token is named by the path of
 * its file, and proxy credentials stay in the environment.
 *
 * @param minHealthy  and {@code warnHealthy}: as {@code --min-healthy} takes them ({@code 2}, {@code 50%}), or null
 * @param services    the services with levels of their own, by name
 */
public record ClusterContext(String url, String tokenFile, String caBundle, String proxy, String minHealthy,
        String warnHealthy, List<String> expectServices, SortedMap<String, ServiceThresholds> services) {

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
        putIfSet(yaml, "min-healthy", minHealthy);
        putIfSet(yaml, "warn-healthy", warnHealthy);
        if (!expectServices.isEmpty()) {
            yaml.put("expect-services", expectServices);
        }
        if (!services.isEmpty()) {
            Map<String, Object> own = new LinkedHashMap<>();
            services.forEach((service, levels) -> own.put(service, levels.toYaml()));
            yaml.put("services", own);
        }
        return yaml;
    }

    static ClusterContext fromYaml(String name, Object node) {
        if (!(node instanceof Map<?, ?> map) || !(map.get("url") instanceof String url)) {
            throw new ContextException("context '" + name + "' has no url");
        }
        List<String> expected = map.get("expect-services") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
        TreeMap<String, ServiceThresholds> own = new TreeMap<>();
        Object ownNode = map.get("services");
        if (ownNode instanceof Map<?, ?> ownMap) {
            ownMap.forEach((service, levels) -> own.put(String.valueOf(service),
                    ServiceThresholds.fromYaml(name, String.valueOf(service), levels)));
        } else if (ownNode != null) {
            throw new ContextException("context '" + name + "': services must map service names to their levels");
        }
        return new ClusterContext(url, text(map, "token-file"), text(map, "cacert"), text(map, "proxy"),
                text(map, "min-healthy"), text(map, "warn-healthy"), expected, own);
    }

    static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? null : String.valueOf(value);
    }

    static void putIfSet(Map<String, Object> yaml, String key, String value) {
        if (value != null) {
            yaml.put(key, value);
        }
    }
}
