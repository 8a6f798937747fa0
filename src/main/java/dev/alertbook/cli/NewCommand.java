package dev.alertbook.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code alertbook new}: writes a new file from what the repository already says. */
@Command(name = "new", mixinStandardHelpOptions = true, subcommands = NewRunbookCommand.class,
        description = "Write a new file for the repository, such as a runbook skeleton for an alert.")
final class NewCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "say what to write: alertbook new runbook <AlertName>, or alertbook new runbook --missing");
    }
}
