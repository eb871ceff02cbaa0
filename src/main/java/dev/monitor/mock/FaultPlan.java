package dev.monitor.mock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which faults the mock injects and which servers each one hits. Deterministic, so a test can name the
 * servers it expects to see UNKNOWN: the faults take the fleet's servers in the order they are given,
 * each the next {@code hits} servers from the first one ({@code 500,timeout} with 3 hits each: 10.58.1.1 to
 * 10.58.1.3 answer 500, 10.58.1.4 to 10.58.1.6 never answer).
 */
public final class FaultPlan {

    /** How many servers a fault hits when its entry does not say ({@code timeout:10} says 10). */
    public static final int DEFAULT_HITS = 3;

    private static final FaultPlan NONE = new FaultPlan(new EnumMap<>(Fault.class), Map.of(), EnumSet.noneOf(Fault.class));

    private final Map<Fault, List<String>> hitAddresses;
    private final Map<String, Fault> faultByAddress;
    private final Set<Fault> listFaults;

    private FaultPlan(Map<Fault, List<String>> hitAddresses, Map<String, Fault> faultByAddress, Set<Fault> listFaults) {
        this.hitAddresses = hitAddresses;
        this.faultByAddress = faultByAddress;
        this.listFaults = listFaults;
    }

    public static FaultPlan none() {
        return NONE;
    }

    /**
     * Reads {@code --faults}: comma-separated fault names, each optionally {@code :N} servers to hit.
     *
     * @throws IllegalArgumentException naming the entry that is not a fault, or when the fleet is too small
     */
    public static FaultPlan parse(String spec, MockFleet fleet) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        Map<Fault, Integer> hits = new EnumMap<>(Fault.class);
        for (String entry : spec.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            Fault fault = Fault.byToken(parts[0]).orElseThrow(() -> new IllegalArgumentException(
                    "unknown fault '" + parts[0] + "'; known faults: " + Fault.tokens()));
            int count = DEFAULT_HITS;
            if (parts.length == 2) {
                // 0 would announce a fault that no server has.
                if (!parts[1].matches("0*[1-9]\\d{0,6}")) {
                    throw new IllegalArgumentException("'" + entry.trim() + "': the count after ':' must be a number "
                            + "of servers, 1 or more");
                }
                count = Integer.parseInt(parts[1]);
            }
            hits.merge(fault, count, Integer::sum);
        }
        return of(hits, fleet);
    }

    /** Each fault with the number of servers it hits (ignored for faults of the list itself). */
    public static FaultPlan of(Map<Fault, Integer> hits, MockFleet fleet) {
        Map<Fault, List<String>> hitAddresses = new EnumMap<>(Fault.class);
        Map<String, Fault> faultByAddress = new HashMap<>();
        Set<Fault> listFaults = EnumSet.noneOf(Fault.class);
        List<String> addresses = fleet.addresses();
        int next = 0;
        for (Map.Entry<Fault, Integer> entry : hits.entrySet()) {
            Fault fault = entry.getKey();
            if (fault.scope() == Fault.Scope.LIST) {
                listFaults.add(fault);
                continue;
            }
            if (next + entry.getValue() > addresses.size()) {
                throw new IllegalArgumentException("the faults hit more servers than the fleet's " + addresses.size());
            }
            List<String> hit = new ArrayList<>(addresses.subList(next, next + entry.getValue()));
            next += hit.size();
            hit.forEach(address -> faultByAddress.put(address, fault));
            hitAddresses.put(fault, Collections.unmodifiableList(hit));
        }
        return new FaultPlan(hitAddresses, faultByAddress, listFaults);
    }

    /** The servers a fault hits, in fleet order; empty for a fault not in the plan or a fault of the list. */
    public List<String> hits(Fault fault) {
        return hitAddresses.getOrDefault(fault, List.of());
    }

    /** The fault of one server, or null when it behaves. */
    public Fault at(String address) {
        return faultByAddress.get(address);
    }

    public boolean has(Fault fault) {
        return listFaults.contains(fault) || hitAddresses.containsKey(fault);
    }

    /** The i-th server the fault hits (0-based), for faults that vary between their servers. */
    int indexAmongHits(Fault fault, String address) {
        return hits(fault).indexOf(address);
    }
}
