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
    void versionIsPrinted() {
        Repo.Result result = Repo.runBare("--version");
        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("alertbook ");
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
