package dev.monitor.cli;

import java.io.PrintWriter;

import dev.monitor.analysis.Verdict;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error is one line, a hint, and exit 3 (UNKNOWN). picocli's own 2 would read as CRITICAL to a
 * scheduler, as if the cluster were failing.
 */
class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("monitor: " + error.getMessage());
        UnmatchedArgumentException.printSuggestions(error, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return Verdict.UNKNOWN.exitCode();
    }
}
