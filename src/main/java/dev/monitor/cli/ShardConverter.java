package dev.monitor.cli;

import dev.monitor.snapshot.Shard;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --shard K/N}: shard K of N, in ASCII digits, K from 1 to N. */
public class ShardConverter implements ITypeConverter<Shard> {

    @Override
    public Shard convert(String value) {
        try {
            return Shard.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
