package dev.alertbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Repo.Result result = Repo.runBare("--help");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("build", "check", "Exit codes:");
    }

    @Test
    void everyCommandIsRegisteredUnderItsOwnNameAndListedInHelp() {
        String help = Repo.runBare("--help").out();
        Main.COMMANDS.forEach((name, command) -> {
            assertThat(new CommandLine(command.get()).getCommandName()).isEqualTo(name);
            assertThat(help).containsPattern("(?m)^  " + name + " ");
        });
        assertThat(Repo.runBare("help", "check").out()).contains("Usage: alertbook check");
    }

    @Test
    void aCommandNamedFirstStillTakesTheOptionsEveryCommandInherits() {
        Repo.Result result = Repo.runBare("check", "--debug", "-C", "no-such-folder");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("no-such-folder is not a folder").doesNotContain("Unknown option");
    }

    @Test
    void versionNamesTheReleaseAndTheCommitItWasBuiltFrom() throws IOException {
        Repo.Result result = Repo.runBare("--version");
        assertThat(result.code()).isZero();
        String head = new String(new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").start()
                .getInputStream().readAllBytes()).strip();
        assertThat(result.out()).startsWith("alertbook " + Main.Version.release())
                .containsPattern("^alertbook [0-9.]+(-SNAPSHOT)? \\(commit " + head + "( with local changes)?\\)\n")
                .contains("Java 17");
    }

    @Test
    void aMistypedCommandOrOptionGetsWhatWasMeant() {
        Repo.Result command = Repo.runBare("biuld");
        assertThat(command.code()).isEqualTo(2);
        assertThat(command.err().strip()).isEqualTo("alertbook: unknown command 'biuld' (did you mean alertbook build?)"
                + " (see 'alertbook --help')");

        Repo.Result option = Repo.runBare("check", "--fromat=json");
        assertThat(option.code()).isEqualTo(2);
        assertThat(option.err()).contains("'--fromat=json'", "(did you mean --format?)", "see 'alertbook check --help'");

        Repo.Result subcommand = Repo.runBare("new", "runbok", "X");
        assertThat(subcommand.err()).contains("did you mean alertbook new runbook?");

        Repo.Result nothingClose = Repo.runBare("frobnicate");
        assertThat(nothingClose.err()).contains("unknown command 'frobnicate'; the commands are init, new, build, check");
    }

    @Test
    void completionScriptCoversEveryCommandAndItsOptions() {
        Repo.Result result = Repo.runBare("completion");
        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_alertbook")
                .contains("--changed-since", "--bind", "--missing", "--ci");
        Main.COMMANDS.keySet().forEach(name -> assertThat(result.out()).contains(name));
    }

    @Test
    void testWithoutTestFilesSaysSoAndSucceeds(@TempDir Path dir) throws IOException {
        Repo.Result result = Repo.minimal(dir).run("test");
        assertThat(result.code()).as(result.all()).isZero();
        assertThat(result.out()).contains("No rule unit test files in content/tests: nothing to run.");
    }

    @Test
    void servingBeyondLoopbackWarns(@TempDir Path dir) throws IOException {
        Repo repo = Repo.minimal(dir);
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("0.0.0.0"))) {
            Repo.Result result = repo.run("serve", "--bind", "0.0.0.0", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).contains("warning: serving on 0.0.0.0, not only this machine")
                    .contains("cannot listen on 0.0.0.0 port " + taken.getLocalPort());
        }
    }

    @Test
    void unknownOptionIsOneLineAndExitTwo() {
        Repo.Result result = Repo.runBare("build", "--frobnicate");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err().strip()).doesNotContain("\n").contains("--frobnicate");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void missingCommandIsUsageError() {
        Repo.Result result = Repo.runBare();
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("missing command");
    }

    @Test
    void unknownCommandIsUsageError() {
        Repo.Result result = Repo.runBare("publish");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err().strip()).doesNotContain("\n");
    }

    @Test
    void aFilesystemRootAsOutputIsUsageError(@TempDir Path dir) throws IOException {
        Repo repo = Repo.minimal(dir);
        Repo.Result result = repo.run("build", "-o", "/");
        assertThat(result.code()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("alertbook: cannot write the site to /: the site is built in a folder"
                + " beside its output, and a filesystem root has none; name a folder below it, such as /site\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void missingRepositoryIsUsageError() {
        Repo.Result result = Repo.runBare("check", "-C", "/no/such/folder");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("is not a folder");
    }
}
