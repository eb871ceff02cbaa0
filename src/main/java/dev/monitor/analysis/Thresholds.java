package dev.monitor.analysis;

import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.monitor.text.Printable;

/**
 * What healthy means: a server is healthy when its cpu and memory are both below their limits; a service
 * is CRITICAL with fewer than {@code minHealthy} healthy servers, WARNING with fewer than
 * {@code warnHealthy}; and every service in {@code expectedServices} must exist.
 *
 * @param warnHealthy   the WARNING level, above the critical one; empty for none
 * @param serviceLevels services with levels of their own, which beat the global ones for that service only; a
 *                      service the cluster does not list (and that is not expected) is never judged, so its
 *                      levels do nothing
 */
public record Thresholds(int cpuLimit, int memoryLimit, HealthyLevel minHealthy, Optional<HealthyLevel> warnHealthy,
        Set<String> expectedServices, SortedMap<String, ServiceLevels> serviceLevels) {

    public Thresholds {
        // Names as Server shows the cluster's: one typed or pasted with an invisible character is shown with it, and
        // matches the cluster's name typed as monitor shows it.
        expectedServices = expectedServices.stream().map(Printable::of).collect(Collectors.toUnmodifiableSet());
        SortedMap<String, ServiceLevels> named = new TreeMap<>();
        serviceLevels.forEach((service, levels) -> named.put(Printable.of(service), levels));
        serviceLevels = Collections.unmodifiableSortedMap(named);
    }

    /** The service's own critical level, else the global one. */
    public HealthyLevel minHealthyOf(String service) {
        return own(service).minHealthy().orElse(minHealthy);
    }

    /** The service's own warning level, else the global one; empty when neither is set. */
    public Optional<HealthyLevel> warnHealthyOf(String service) {
        return own(service).warnHealthy().or(() -> warnHealthy);
    }

    /** What every service without levels of its own must have to be OK, in words: {@code 2}, {@code 3 and 20%}. */
    public String okLevel() {
        return okLevel(minHealthy, warnHealthy);
    }

    private String okLevelOf(String service) {
        return okLevel(minHealthyOf(service), warnHealthyOf(service));
    }

    /**
     * The warning level, which is at least the minimum when both are counts or both shares; both when one is a
     * count and the other a share, since then neither implies the other.
     */
    private static String okLevel(HealthyLevel minimum, Optional<HealthyLevel> warning) {
        return warning.map(warn -> warn.getClass() == minimum.getClass() ? warn.toString() : minimum + " and " + warn)
                .orElse(minimum.toString());
    }

    /**
     * {@code ", AuthService at least 3"}: what the services among these that have levels of their own must meet to be
     * OK, to follow a sentence that names the global level; empty when none has its own.
     */
    public String ownOkLevels(Collection<String> services) {
        return services.stream()
                .filter(this::hasOwnLevels)
                .map(service -> ", " + service + " at least " + okLevelOf(service))
                .collect(Collectors.joining());
    }

    public boolean hasOwnLevels(String service) {
        return serviceLevels.containsKey(service);
    }

    private ServiceLevels own(String service) {
        return serviceLevels.getOrDefault(service, ServiceLevels.NONE);
    }
}
