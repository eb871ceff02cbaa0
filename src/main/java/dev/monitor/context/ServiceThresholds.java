package dev.monitor.context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One service's own levels in a context, as {@code --min-healthy} takes them ({@code 3}, {@code 80%}), each null
 * where the context's (or the default) level applies. In the file: {@code AuthService: {min-healthy: 3}}.
 */
public record ServiceThresholds(String minHealthy, String warnHealthy) {

    private static final Set<String> KEYS = Set.of("min-healthy", "warn-healthy");

    Map<String, Object> toYaml() {
        Map<String, Object> yaml = new LinkedHashMap<>();
        ClusterContext.putIfSet(yaml, "min-healthy", minHealthy);
        ClusterContext.putIfSet(yaml, "warn-healthy", warnHealthy);
        return yaml;
    }

    /** A key other than the two is refused rather than ignored: a misspelt level would silently not apply. */
    static ServiceThresholds fromYaml(String context, String service, Object node) {
        if (!(node instanceof Map<?, ?> map) || map.isEmpty() || !KEYS.containsAll(map.keySet())) {
            throw new ContextException("context '" + context + "': service '" + service
                    + "' must hold min-healthy and/or warn-healthy, and nothing else");
        }
        return new ServiceThresholds(ClusterContext.text(map, "min-healthy"), ClusterContext.text(map, "warn-healthy"));
    }
}
