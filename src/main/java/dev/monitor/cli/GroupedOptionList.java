package dev.monitor.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --help}'s options under headings, one per option mixin. picocli's own headings need
 * {@code @ArgGroup}, whose instance stays null (and its defaults unapplied) when none of its options is
 * given; mixins keep every default from {@link ConfigDefaultProvider}, so the grouping is done here instead.
 */
class GroupedOptionList implements IHelpSectionRenderer {

    /** Mixin field name to heading, in the order shown; the command's own options come last. */
    private static final Map<String, String> HEADINGS = new LinkedHashMap<>();

    static {
        HEADINGS.put("reports", "Reports");
        HEADINGS.put("connection", "Connection");
        HEADINGS.put("thresholdOptions", "Thresholds");
        HEADINGS.put("output", "Output");
        HEADINGS.put("cache", "Cache");
    }

    @Override
    public String render(Help help) {
        CommandSpec command = help.commandSpec();
        List<OptionSpec> rest = new ArrayList<>(command.options());
        StringBuilder text = new StringBuilder();
        HEADINGS.forEach((mixin, heading) -> {
            CommandSpec group = command.mixins().get(mixin);
            if (group == null) {
                return;
            }
            Set<String> names = group.options().stream().map(OptionSpec::longestName).collect(Collectors.toSet());
            List<OptionSpec> options = rest.stream().filter(option -> names.contains(option.longestName())).toList();
            rest.removeAll(options);
            section(text, help, heading, options);
        });
        section(text, help, "General", rest);
        return text.toString();
    }

    private static void section(StringBuilder text, Help help, String heading, List<OptionSpec> options) {
        if (options.stream().allMatch(OptionSpec::hidden)) {
            return;
        }
        text.append(heading).append(':').append(System.lineSeparator())
                .append(help.optionListExcludingGroups(options, help.createDefaultLayout(), null,
                        help.parameterLabelRenderer()))
                .append(System.lineSeparator());
    }
}
