package dev.alertbook.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StarterRepositoryTest {

    private static final Path RESOURCES = Path.of("src/main/resources/dev/alertbook/starter");

    @Test
    void everyResourceIsAFileOfTheStarterAndEveryFileHasOne() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            assertThat(files.filter(Files::isRegularFile).map(file -> RESOURCES.relativize(file).toString()))
                    .containsExactlyInAnyOrderElementsOf(StarterRepository.allFiles().stream()
                            .map(StarterRepository::resourceName).toList());
        }
    }

    @Test
    void dotFilesAreKeptWithoutTheirDot() {
        assertThat(StarterRepository.resourceName(".github/workflows/runbooks.yml")).isEqualTo("github/workflows/runbooks.yml");
        assertThat(StarterRepository.resourceName("content/rules/http.yml")).isEqualTo("content/rules/http.yml");
    }

    @Test
    void thePipelinesFetchTheGivenRelease() {
        assertThat(StarterRepository.text(".gitlab-ci.yml", "1.2.3")).contains("ALERTBOOK_VERSION: \"1.2.3\"");
        assertThat(StarterRepository.text(".github/workflows/runbooks.yml", "1.2.3")).contains("alertbook/alertbook@v1.2.3");
    }
}
