package dev.monitor.mock;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers of the mock cluster and their fixed services, as the API contract defines them:
 * addresses from 10.58.1.1 upwards, each server's service picked by the MD5 digest of its address.
 */
public final class MockFleet {

    public static final List<String> SERVICE_NAMES = List.of(
            "PermissionsService", "AuthService", "MLService", "StorageService", "TimeService",
            "GeoService", "TicketService", "RoleService", "IdService", "UserService");

    private static final BigInteger SERVICE_COUNT = BigInteger.valueOf(SERVICE_NAMES.size());

    private final List<String> addresses;
    private final Map<String, String> serviceByAddress;

    public MockFleet(int size) {
        String[] ips = new String[size];
        serviceByAddress = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            ips[i] = address(i);
            serviceByAddress.put(ips[i], serviceOf(ips[i]));
        }
        addresses = List.of(ips);
    }

    /** The i-th address (0-based): 10.58.1.1 ... 10.58.1.254, then 10.58.2.1, ...; never .0 or .255. */
    public static String address(int index) {
        int block = index / 254;
        return "10." + (58 + block / 255) + "." + (1 + block % 255) + "." + (1 + index % 254);
    }

    /** The contract's rule: MD5 of the address, as an unsigned integer, modulo the number of services. */
    public static String serviceOf(String address) {
        return SERVICE_NAMES.get(md5(address).mod(SERVICE_COUNT).intValue());
    }

    /** The MD5 digest of the text (UTF-8), read as an unsigned integer: the contract's way to spread servers. */
    static BigInteger md5(String text) {
        try {
            return new BigInteger(1, MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides MD5", e);
        }
    }

    public List<String> addresses() {
        return addresses;
    }

    /** The service of a listed address, or null when the address is not part of the fleet. */
    public String serviceAt(String address) {
        return serviceByAddress.get(address);
    }
}
