package dev.monitor.cli;

import java.math.BigDecimal;
import java.time.Duration;

import dev.monitor.fetch.Pacing;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How gently to treat a fragile API over a whole run. */
public class PolitenessOptions {

    private static final int MAX_RATE = 1_000_000;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--rate", paramLabel = "N",
            description = "At most N requests per second over the whole run, all workers together (default: no cap).")
    Double rate;

    @Option(names = "--deadline", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "End the run's fetch after this long: what was fetched is reported, the rest is UNKNOWN.")
    Duration deadline;

    public Pacing pacing() {
        if (rate != null && !(rate > 0 && rate <= MAX_RATE)) {
            throw new ParameterException(spec.commandLine(), "--rate must be more than 0 and at most " + MAX_RATE
                    + " requests per second, not " + asWritten(rate));
        }
        if (deadline != null && deadline.isZero()) {
            throw new ParameterException(spec.commandLine(), "--deadline must be longer than 0");
        }
        return new Pacing(rate == null ? 0 : rate, deadline);
    }

    /** {@code 0}, not Java's {@code 0.0}; {@code 0.5} as it is. */
    private static String asWritten(double number) {
        return Double.isFinite(number) ? BigDecimal.valueOf(number).stripTrailingZeros().toPlainString()
                : String.valueOf(number);
    }
}
