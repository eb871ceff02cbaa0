package dev.monitor.cli;

import java.util.Locale;

import dev.monitor.analysis.Verdict;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --unreachable-state}: one of the verdicts a scheduler may want for "cannot ask the API at all". */
public class UnreachableStateConverter implements ITypeConverter<Verdict> {

    @Override
    public Verdict convert(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "unknown" -> Verdict.UNKNOWN;
            case "critical" -> Verdict.CRITICAL;
            case "warning" -> Verdict.WARNING;
            default -> throw new TypeConversionException("'" + value + "' is not one of unknown, critical, warning");
        };
    }
}
