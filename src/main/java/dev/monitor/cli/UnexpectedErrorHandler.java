package dev.monitor.cli;

import java.io.PrintWriter;

import dev.monitor.analysis.Verdict;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The last net: an error no command expected is one line on stderr and exit 3 (UNKNOWN), never a stack
 * trace, and never picocli's 1, which would read as WARNING. {@code --verbose} adds the trace.
 */
class UnexpectedErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception error, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        String message = error.getMessage() == null ? error.getClass().getName() : error.getMessage();
        err.println("monitor: " + message.lines().findFirst().orElse(""));
        if (parseResult.hasMatchedOption("--verbose")) {
            error.printStackTrace(err);
        }
        err.flush();
        return Verdict.UNKNOWN.exitCode();
    }
}
