package dev.monitor.cli;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import dev.monitor.check.ServiceWatch;
import dev.monitor.check.Watch;
import dev.monitor.render.Section;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Which reports to print, once or as a watch. */
public class ReportOptions {

    static final String SERVICE = "--service";
    static final String SERVICE_USAGE = SERVICE + " needs a name and an interval in seconds: " + SERVICE
            + " AuthService 5";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--printservers", description = "Print every server: address, service, status, cpu, memory.")
    boolean printServers;

    @Option(names = "--avg", description = "Print per-service server counts and mean cpu and memory.")
    boolean averages;

    @Option(names = "--unhealthyservices",
            description = "Print the services with fewer than --min-healthy healthy servers (the default report).")
    boolean unhealthyServices;

    @Option(names = "--history", description = "Print the recent verdicts of each service, from the saved history "
            + "of fresh fetches; fetches nothing.")
    boolean history;

    @Option(names = SERVICE, arity = "2", paramLabel = "NAME SECONDS", hideParamSyntax = true,
            description = "Every SECONDS, fetch the servers of service NAME afresh and show them with their trend, "
                    + "until Ctrl-C. Redrawn in place on a terminal.")
    String[] watchedService;

    @Option(names = "--watch", paramLabel = "SECONDS",
            description = "Every SECONDS, fetch afresh and show the report again, until Ctrl-C. Redrawn in place on "
                    + "a terminal; one JSON object per line with -o json.")
    String watchSeconds;

    /** The reports asked for; with none at all (and no service watch), the health gate. */
    public Set<Section> sections() {
        Set<Section> sections = EnumSet.noneOf(Section.class);
        if (printServers) {
            sections.add(Section.SERVERS);
        }
        if (averages) {
            sections.add(Section.AVERAGES);
        }
        if (unhealthyServices || (sections.isEmpty() && watchedService == null)) {
            sections.add(Section.UNHEALTHY);
        }
        return sections;
    }

    /** {@code --history}: a report of its own, from the history file alone. */
    public boolean history() {
        if (history && (printServers || averages || unhealthyServices || watchedService != null
                || watchSeconds != null)) {
            throw new ParameterException(spec.commandLine(), "--history prints the saved verdicts and fetches "
                    + "nothing: give it without other reports or live views");
        }
        return history;
    }

    /** {@code --service NAME SECONDS}, or null. */
    public ServiceWatch.Target serviceWatch() {
        if (watchedService == null) {
            return null;
        }
        if (watchSeconds != null) {
            throw new ParameterException(spec.commandLine(),
                    "--watch and --service are two live views: choose one");
        }
        // An array, for picocli to take two values; a second --service would add two more, and be ignored.
        if (watchedService.length > 2) {
            throw new ParameterException(spec.commandLine(), "--service watches one service: give it once, not for "
                    + watchedService[0] + " and " + watchedService[2]);
        }
        return new ServiceWatch.Target(watchedService[0],
                interval("--service " + watchedService[0] + " SECONDS", watchedService[1]));
    }

    /** {@code --watch SECONDS}, or null. */
    public Duration reportWatch() {
        return watchSeconds == null ? null : interval("--watch SECONDS", watchSeconds);
    }

    private Duration interval(String option, String seconds) {
        if (!seconds.matches("\\d{1,6}") || Integer.parseInt(seconds) < Watch.MINIMUM_INTERVAL.toSeconds()) {
            throw new ParameterException(spec.commandLine(), option + ": SECONDS must be a whole number, at least "
                    + Watch.MINIMUM_INTERVAL.toSeconds() + ", not '" + seconds + "'");
        }
        return Duration.ofSeconds(Integer.parseInt(seconds));
    }
}
