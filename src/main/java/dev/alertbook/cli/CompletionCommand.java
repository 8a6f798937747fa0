package dev.alertbook.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code alertbook completion}: the shell completion script picocli writes from the commands' options. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a completion script for bash and zsh: commands, options and their values.",
            "Load it in the current shell with `source <(alertbook completion)`, or for good by saving it as "
                + "~/.local/share/bash-completion/completions/alertbook (bash) or by adding that line to ~/.zshrc "
                + "after `autoload -U +X bashcompinit && bashcompinit` (zsh)."})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(script());
        return Main.OK;
    }

    static String script() {
        return AutoComplete.bash("alertbook", Main.fullCommandLine());
    }
}
