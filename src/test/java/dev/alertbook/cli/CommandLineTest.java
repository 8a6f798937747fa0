package dev.alertbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Repo.Result result = Repo.runBare("--help");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("build", "check", "Exit codes:");
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
    void missingRepositoryIsUsageError() {
        Repo.Result result = Repo.runBare("check", "-C", "/no/such/folder");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("is not a folder");
    }
}
