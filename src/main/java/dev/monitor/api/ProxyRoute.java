package dev.monitor.api;

/**
 * The forward proxy requests go through, or {@link #NONE}.
 *
 * @param userInfo {@code user:password} from the proxy's URL, or null; never shown
 */
public record ProxyRoute(String host, int port, String userInfo) {

    public static final ProxyRoute NONE = new ProxyRoute(null, 0, null);

    public boolean isNone() {
        return host == null;
    }

    @Override
    public String toString() {
        return isNone() ? "no proxy" : "http://" + (userInfo == null ? "" : "***@") + host + ":" + port;
    }
}
