package dev.monitor.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.monitor.analysis.HealthyLevel;
import dev.monitor.analysis.ServiceLevels;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One service's own level, as {@code --service-min-healthy} and {@code --service-warn-healthy} take it:
 * {@code NAME=LEVEL}, the level in the forms of {@code --min-healthy} ({@code AuthService=3},
 * {@code AuthService=50%}).
 */
record ServiceLevelArgument(String service, HealthyLevel level) {

    /** @throws IllegalArgumentException when the text is not NAME=LEVEL with a level of a known form */
    static ServiceLevelArgument parse(String text) {
        // Split at the last '=': a level never holds one, a service name might.
        int equals = text.lastIndexOf('=');
        if (equals <= 0 || text.substring(0, equals).isBlank()) {
            throw new IllegalArgumentException("'" + text + "' is not NAME=LEVEL, as in AuthService=3 or AuthService=50%");
        }
        String service = text.substring(0, equals).strip();
        try {
            return new ServiceLevelArgument(service, HealthyLevel.parse(text.substring(equals + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(text + ": " + e.getMessage());
        }
    }

    /**
     * The levels given, by service: {@code --service-min-healthy A=3 --service-warn-healthy A=80%} are A's two.
     *
     * @throws IllegalArgumentException when an option names a service twice, which would leave unclear which level holds
     */
    static SortedMap<String, ServiceLevels> byService(List<ServiceLevelArgument> minHealthy,
            List<ServiceLevelArgument> warnHealthy) {
        SortedMap<String, ServiceLevels> levels = new TreeMap<>();
        once("--service-min-healthy", minHealthy).forEach((service, level) ->
                levels.put(service, levels.getOrDefault(service, ServiceLevels.NONE).withMinHealthy(level)));
        once("--service-warn-healthy", warnHealthy).forEach((service, level) ->
                levels.put(service, levels.getOrDefault(service, ServiceLevels.NONE).withWarnHealthy(level)));
        return levels;
    }

    private static Map<String, HealthyLevel> once(String option, List<ServiceLevelArgument> levels) {
        Map<String, HealthyLevel> byService = new LinkedHashMap<>();
        for (ServiceLevelArgument level : levels == null ? List.<ServiceLevelArgument>of() : levels) {
            HealthyLevel earlier = byService.putIfAbsent(level.service(), level.level());
            if (earlier != null) {
                throw new IllegalArgumentException(option + " names " + level.service() + " twice ("
                        + level.service() + "=" + earlier + ", " + level.service() + "=" + level.level() + "): give one");
            }
        }
        return byService;
    }

    static final class Converter implements ITypeConverter<ServiceLevelArgument> {
        @Override
        public ServiceLevelArgument convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
