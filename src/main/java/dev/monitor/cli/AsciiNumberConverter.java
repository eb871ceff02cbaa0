package dev.monitor.cli;

import java.util.function.Function;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads the numbers of every option, and of their defaults from {@code MONITOR_*} variables and the config, in
 * ASCII digits only. picocli's own converters call Java's parsers, which read any script's digits
 * ({@code --port ٨٠٨٠} is 8080) and a double in forms no one means to type ({@code 5d}, {@code 0x1p3},
 * {@code NaN}).
 */
final class AsciiNumberConverter<T> implements ITypeConverter<T> {

    private static final Pattern WHOLE = Pattern.compile("-?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");

    private final Pattern form;
    private final Function<String, T> parser;
    private final String kind;

    private AsciiNumberConverter(Pattern form, Function<String, T> parser, String kind) {
        this.form = form;
        this.parser = parser;
        this.kind = kind;
    }

    /** Replaces picocli's converters of int, long and double, boxed or not, for the command and its subcommands. */
    static void registerOn(CommandLine commandLine) {
        AsciiNumberConverter<Integer> integers = new AsciiNumberConverter<>(WHOLE, Integer::valueOf, "a whole number");
        AsciiNumberConverter<Long> longs = new AsciiNumberConverter<>(WHOLE, Long::valueOf, "a whole number");
        AsciiNumberConverter<Double> doubles = new AsciiNumberConverter<>(DECIMAL, Double::valueOf, "a number");
        commandLine.registerConverter(Integer.class, integers).registerConverter(int.class, integers)
                .registerConverter(Long.class, longs).registerConverter(long.class, longs)
                .registerConverter(Double.class, doubles).registerConverter(double.class, doubles);
    }

    @Override
    public T convert(String value) {
        if (!form.matcher(value).matches()) {
            throw new TypeConversionException("'" + value + "' is not " + kind + " in digits 0-9");
        }
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is out of range");
        }
    }
}
