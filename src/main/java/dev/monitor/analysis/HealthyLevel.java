package dev.monitor.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many of a service's servers must be healthy, written as monitoring plugins write it: a count
 * ({@code 2}) or a share of the service's servers ({@code 50%}).
 */
public sealed interface HealthyLevel {

    /** The number of healthy servers a service with this many servers needs to meet the level. */
    int requiredOf(int servers);

    /** @throws IllegalArgumentException when the text is neither a whole number nor a percentage from 0% to 100% */
    static HealthyLevel parse(String text) {
        Matcher m = Pattern.compile("(\\d{1,9})(%?)").matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is neither a count like 2 nor a share like 50%");
        }
        int amount = Integer.parseInt(m.group(1));
        if (m.group(2).isEmpty()) {
            return new Count(amount);
        }
        if (amount > 100) {
            throw new IllegalArgumentException("'" + text + "' is more than 100%");
        }
        return new Share(amount);
    }

    /** At least this many servers, however many the service has. */
    record Count(int servers) implements HealthyLevel {

        @Override
        public int requiredOf(int total) {
            return servers;
        }

        @Override
        public String toString() {
            return String.valueOf(servers);
        }
    }

    /** At least ceil(percent x servers / 100): 50% of 5 servers is 3. */
    record Share(int percent) implements HealthyLevel {

        @Override
        public int requiredOf(int servers) {
            return (int) ((percent * (long) servers + 99) / 100);
        }

        @Override
        public String toString() {
            return percent + "%";
        }
    }
}
