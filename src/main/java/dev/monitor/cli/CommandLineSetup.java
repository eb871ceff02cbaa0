package dev.monitor.cli;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/** The command line every run parses with: our error handlers and exit codes, defaults from config. */
@ApplicationScoped
class CommandLineSetup {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        CommandLine commandLine = factory.create();
        commandLine.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, new GroupedOptionList());
        commandLine.getSubcommands().get("serve").getHelpSectionMap()
                .put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, new GroupedOptionList());
        commandLine
                .setDefaultValueProvider(new ConfigDefaultProvider())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(new UsageErrorHandler())
                .setExecutionExceptionHandler(new UnexpectedErrorHandler());
        AsciiNumberConverter.registerOn(commandLine);
        // A context saves only what was typed: a default saved there (monitor.min-healthy) would later beat the
        // default in force, and every flag of the run.
        commandLine.getSubcommands().get("context").setDefaultValueProvider(null);
        return commandLine;
    }
}
