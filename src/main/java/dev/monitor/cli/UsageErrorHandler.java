package dev.monitor.cli;

import java.io.PrintWriter;

import dev.monitor.analysis.Verdict;
import dev.monitor.api.Redaction;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error is one line, a hint, and exit 3 (UNKNOWN). picocli's own 2 would read as CRITICAL to a
 * scheduler, as if the cluster were failing. The line never repeats a URL's user, query or fragment.
 */
class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        PrintWriter err = command.getErr();
        // picocli quotes what was typed ("Unmatched argument at index 0: 'http://user:pw@host'").
        err.println("monitor: " + Redaction.PATTERNS.apply(message(error)));
        UnmatchedArgumentException.printSuggestions(error, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return Verdict.UNKNOWN.exitCode();
    }

    /** picocli's words, but for an option of two values given fewer: it counts "at index 0", we show an example. */
    private static String message(ParameterException error) {
        if (error instanceof MissingParameterException missing && missing.getMissing() != null
                && missing.getMissing().stream().anyMatch(arg -> arg instanceof OptionSpec option
                        && option.longestName().equals(ReportOptions.SERVICE))) {
            return ReportOptions.SERVICE_USAGE;
        }
        return error.getMessage();
    }
}
