package dev.monitor.context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named cluster, as {@code monitor context add} saves it. Never a secret: a token is named by the path of
 * its file, and proxy credentials stay in the environment.
 *
 * @param minHealthy  and {@code warnHealthy}: as {@code --min-healthy} takes them ({@code 2}, {@code 50%}), or null
 */
public record ClusterContext(String url, String tokenFile, String caBundle, String proxy, String minHealthy,
        String warnHealthy, List<String> expectServices) {

    public ClusterContext {
        expectServices = expectServices == null ? List.of() : List.copyOf(expectServices);
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
        return yaml;
    }

    static ClusterContext fromYaml(String name, Object node) {
        if (!(node instanceof Map<?, ?> map) || !(map.get("url") instanceof String url)) {
            throw new ContextException("context '" + name + "' has no url");
        }
        List<String> services = map.get("expect-services") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
        return new ClusterContext(url, text(map, "token-file"), text(map, "cacert"), text(map, "proxy"),
                text(map, "min-healthy"), text(map, "warn-healthy"), services);
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? null : String.valueOf(value);
    }

    private static void putIfSet(Map<String, Object> yaml, String key, String value) {
        if (value != null) {
            yaml.put(key, value);
        }
    }
}
