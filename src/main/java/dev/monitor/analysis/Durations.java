package dev.monitor.analysis;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write and read them: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, or bare seconds. */
public final class Durations {

    private static final Pattern WRITTEN = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

    /** The longest duration any option takes: beyond it, deadlines and timers overflow (nine digits of hours would). */
    public static final Duration MAX = Duration.ofDays(365);

    private Durations() {
    }

    /** @throws IllegalArgumentException when the text is not a number with an optional unit, or is longer than {@link #MAX} */
    public static Duration parse(String text) {
        Matcher m = WRITTEN.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration like 500ms, 5s, 2m, 1h or 30");
        }
        long amount = Long.parseLong(m.group(1));
        Duration duration = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (duration.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("'" + text + "' is longer than a year (" + exact(MAX) + "), the most a "
                    + "duration can be");
        }
        return duration;
    }

    /**
     * As an option would be written to mean exactly this long, in its largest whole unit: {@code 1500ms},
     * {@code 90s}, {@code 2m}. For echoing an option's value; {@link #format} rounds down, which suits ages.
     */
    public static String exact(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0 && seconds > 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 && seconds > 0 ? seconds / 60 + "m" : seconds + "s";
    }

    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
        }
        return seconds / 3600 + "h" + (seconds % 3600 / 60 == 0 ? "" : seconds % 3600 / 60 + "m");
    }
}
