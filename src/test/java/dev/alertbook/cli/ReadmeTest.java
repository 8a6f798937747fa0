package dev.alertbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's first commands: what a new user types, and the test command CI runs. */
class ReadmeTest {

    /** The commands of the README's first code block, without their comments. */
    private static List<String> firstCommands() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```sh\n") + "```sh\n".length();
        return readme.substring(start, readme.indexOf("```", start)).lines()
                .map(line -> line.replaceFirst("\\s+#.*$", "")).toList();
    }

    @Test
    void startsWithBuildingThenInitAndServeThenTheTestCommand() throws IOException {
        List<String> commands = firstCommands();
        assertThat(commands).hasSize(4);
        assertThat(commands.get(0)).startsWith("mvn -B ").endsWith("bin/alertbook build").doesNotContain(" -q");
        assertThat(commands.get(1)).startsWith("bin/alertbook init ");
        assertThat(commands.get(2)).startsWith("bin/alertbook serve ");
        assertThat(commands.get(3)).isEqualTo("mvn -B verify");
    }

    @Test
    void ciRunsTheReadmesTestCommandAsItIsWritten() throws IOException {
        String testCommand = firstCommands().get(3);
        assertThat(Files.readAllLines(Path.of(".ci/run"))).contains(testCommand);
    }
}
