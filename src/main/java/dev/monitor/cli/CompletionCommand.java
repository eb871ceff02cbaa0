package dev.monitor.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code monitor completion bash|zsh}: picocli's completion script for every flag, plus service names for
 * {@code --service} and context names for {@code --context} and {@code context use|remove}, which picocli would
 * fix when the script is generated: they come instead from the last snapshot and the contexts file, through the
 * hidden {@link CompletionCandidatesCommand}, each time the user presses Tab.
 */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = { "Print a shell completion script for bash or zsh.",
                "bash: source <(monitor completion bash)   (or save it in ~/.local/share/bash-completion/completions/monitor)",
                "zsh:  source <(monitor completion zsh)" })
public class CompletionCommand implements Callable<Integer> {

    public enum Shell {
        BASH, ZSH
    }

    /**
     * Wraps picocli's completion function: after --service, the names the last snapshot knows; after --context,
     * context use and context remove, the names in the contexts file.
     */
    private static final String LIVE_NAMES = """

            # Service names for --service come from the last snapshot of the endpoint on the command line, and
            # context names from the contexts file ($MONITOR_CONFIG, ...), asked for at each Tab, since picocli
            # fixes candidates when the script is generated.
            function _monitor_live() {
              local cur="${COMP_WORDS[COMP_CWORD]}"
              local prev="${COMP_WORDS[COMP_CWORD-1]}"
              local what=()
              if [[ "${prev}" == "--service" ]]; then
                what=(services "${COMP_WORDS[@]:1:COMP_CWORD-2}")
              elif [[ "${prev}" == "--context" ]] || { [[ "${prev}" == "use" || "${prev}" == "remove" ]] \\
                  && (( COMP_CWORD >= 2 )) && [[ "${COMP_WORDS[COMP_CWORD-2]}" == "context" ]]; }; then
                what=(contexts)
              fi
              if (( ${#what[@]} > 0 )); then
                local IFS=$'\\n'
                COMPREPLY=( $(compgen -W "$("${COMP_WORDS[0]}" __complete "${what[@]}" 2>/dev/null)" -- "${cur}") )
                return 0
              fi
              _complete_monitor "$@"
            }
            complete -F _monitor_live -o default monitor
            """;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh (zsh runs the bash script through bashcompinit).")
    Shell shell;

    @Override
    public Integer call() {
        // The script is the same for both: picocli's script loads bashcompinit itself under zsh.
        String script = AutoComplete.bash("monitor", spec.root().commandLine()) + LIVE_NAMES;
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
