package dev.monitor.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import dev.monitor.analysis.Verdict;
import dev.monitor.api.Redaction;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The last net: an error no command expected is one line on stderr and exit 3 (UNKNOWN), never a stack
 * trace, and never picocli's 1, which would read as WARNING. {@code --verbose} adds the trace. Both pass the
 * redaction: Java's words can quote a header or a URL.
 */
class UnexpectedErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception error, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        String message = error.getMessage() == null ? error.getClass().getName() : error.getMessage();
        err.println("monitor: " + Redaction.PATTERNS.apply(message.lines().findFirst().orElse("")));
        if (parseResult.hasMatchedOption("--verbose")) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            err.print(Redaction.PATTERNS.apply(trace.toString()));
        }
        err.flush();
        return Verdict.UNKNOWN.exitCode();
    }
}
