package dev.monitor.cli;

import dev.monitor.analysis.HealthyLevel;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a count ({@code 2}) or a share ({@code 50%}) of a service's servers. */
public class HealthyLevelConverter implements ITypeConverter<HealthyLevel> {

    @Override
    public HealthyLevel convert(String value) {
        try {
            return HealthyLevel.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
