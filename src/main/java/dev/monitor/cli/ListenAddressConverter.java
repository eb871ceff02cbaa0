package dev.monitor.cli;

import dev.monitor.serve.ListenAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --listen HOST:PORT}, an IPv6 address in brackets. */
public class ListenAddressConverter implements ITypeConverter<ListenAddress> {

    @Override
    public ListenAddress convert(String value) {
        try {
            return ListenAddress.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
