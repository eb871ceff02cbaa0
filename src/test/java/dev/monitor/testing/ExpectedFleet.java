package dev.monitor.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What {@code monitor mock-server --servers SIZE --seed SEED} serves (or a test's mock whose every figure is one
 * percentage), worked out here from the documented rules (the contract's addresses and MD5 services, and the
 * seeded figures, in docs/api.md), never with the mock's own code: a test that pins a run's rows and exit code against this fails
 * when either side strays from the rule.
 *
 * @param seed    the mock's {@code --seed}, or null when every figure is {@code percent}
 * @param percent every figure, when there is no seed
 */
public record ExpectedFleet(int size, Long seed, int percent) {

    public static ExpectedFleet seeded(int size, long seed) {
        return new ExpectedFleet(size, seed, 0);
    }

    /** A fleet whose every cpu and memory figure is the percentage ({@code new MockCluster(size, latency, () -> 50)}). */
    public static ExpectedFleet allAt(int size, int percent) {
        return new ExpectedFleet(size, null, percent);
    }

    private static final List<String> SERVICES = List.of("PermissionsService", "AuthService", "MLService",
            "StorageService", "TimeService", "GeoService", "TicketService", "RoleService", "IdService", "UserService");

    /** 10.58.1.1 to 10.58.1.254, then 10.58.2.1 and on: never a .0 or a .255. */
    public List<String> addresses() {
        return IntStream.range(0, size).mapToObj(i -> "10." + (58 + i / 254 / 255) + "." + (1 + i / 254 % 255) + "."
                + (1 + i % 254)).toList();
    }

    /** The contract's rule: MD5 of the address, as an unsigned integer, modulo the ten services. */
    public static String service(String address) {
        return SERVICES.get(md5(address).mod(BigInteger.TEN).intValue());
    }

    /** The rule of docs/api.md: MD5 of {@code SEED/IP/cpu}, as an unsigned integer, modulo 101. */
    public int cpu(String address) {
        return figure(address, "cpu");
    }

    public int memory(String address) {
        return figure(address, "memory");
    }

    private int figure(String address, String name) {
        return seed == null ? percent : md5(seed + "/" + address + "/" + name).mod(BigInteger.valueOf(101)).intValue();
    }

    /** Healthy at these limits: cpu and memory both below them. */
    public boolean healthy(String address, int limit) {
        return cpu(address) < limit && memory(address) < limit;
    }

    /** Healthy servers of each service the fleet has at the limit, by service name. */
    public Map<String, Long> healthyByService(int limit) {
        return addresses().stream().collect(Collectors.groupingBy(ExpectedFleet::service, TreeMap::new,
                Collectors.filtering(address -> healthy(address, limit), Collectors.counting())));
    }

    /** The exit code of a run that read every server: 2 when a service has fewer healthy than the minimum, else 0. */
    public int exitCode(int limit, int minHealthy) {
        return healthyByService(limit).values().stream().anyMatch(healthy -> healthy < minHealthy) ? 2 : 0;
    }

    /** The exit code at the default limits (80) and minimum (2) that docs/usage.md gives. */
    public int exitCode() {
        return exitCode(80, 2);
    }

    private static BigInteger md5(String text) {
        try {
            return new BigInteger(1, MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides MD5", e);
        }
    }
}
