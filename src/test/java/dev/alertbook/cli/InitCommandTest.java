package dev.alertbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.starter.StarterRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** {@code alertbook init}: a starter repository that builds, checks and tests clean as it is written. */
class InitCommandTest {

    @Test
    void theStarterBuildsChecksAndTestsWithNoFindings(@TempDir Path dir) throws IOException {
        Path repo = dir.resolve("runbooks");
        Repo.Result init = Repo.runBare("init", repo.toString());
        assertThat(init.code()).as(init.all()).isZero();
        assertThat(init.out()).contains("created alertbook.yml", "created .github/workflows/runbooks.yml",
                "alertbook serve");
        for (String file : StarterRepository.files(StarterRepository.Ci.GITHUB)) {
            assertThat(repo.resolve(file)).isRegularFile();
        }

        Repo.Result build = Repo.runBare("build", "-C", repo.toString());
        assertThat(build.code()).as(build.all()).isZero();
        assertThat(build.out()).as("findings").isEmpty();
        assertThat(build.err()).contains("5 runbooks, 5 alerts, 6 rule tests (0 failed)", "0 errors, 0 warnings");
        assertThat(repo.resolve("site/runbooks/node/nodememorylow/index.html")).isRegularFile();

        Repo.Result check = Repo.runBare("check", "-C", repo.toString());
        assertThat(check.code()).as(check.all()).isZero();
        assertThat(check.out()).isEmpty();
        assertThat(check.err()).contains("0 errors, 0 warnings");

        Repo.Result test = Repo.runBare("test", "-C", repo.toString());
        assertThat(test.code()).as(test.all()).isZero();
        assertThat(test.out()).contains("Unit Testing:  content/tests/alerts.yml", "SUCCESS");
        assertThat(test.err()).doesNotContain("FAILED");
    }

    @Test
    void theGitHubWorkflowChecksTestsBuildsAndPublishes(@TempDir Path dir) throws IOException {
        assertThat(Repo.runBare("init", dir.toString()).code()).isZero();
        String text = Files.readString(dir.resolve(".github/workflows/runbooks.yml"));
        Map<String, Object> workflow = new Yaml().load(text);
        Map<String, Map<String, Object>> jobs = map(workflow.get("jobs"));
        assertThat(jobs).containsKeys("check", "build", "deploy");
        String checkCommands = actionInput(jobs.get("check"), "command");
        assertThat(checkCommands.split(" ")).containsExactly("check", "test", "build");
        assertThat(actionInput(jobs.get("check"), "changed-since")).isEqualTo("origin/${{ github.base_ref }}");
        assertThat(map(jobs.get("check").get("permissions"))).containsEntry("security-events", "write");
        assertThat(actionInput(jobs.get("build"), "command")).contains("build");
        assertThat(text).contains("actions/deploy-pages@", "actions/upload-pages-artifact@")
                .contains("alertbook/alertbook@v" + Main.Version.release())
                .doesNotContain("@ALERTBOOK_VERSION@");
    }

    @Test
    void gitlabGetsItsPipelineInsteadOfGitHubs(@TempDir Path dir) throws IOException {
        Repo.Result init = Repo.runBare("init", "--ci", "gitlab", dir.toString());
        assertThat(init.code()).as(init.all()).isZero();
        assertThat(dir.resolve(".github")).doesNotExist();
        Map<String, Object> pipeline = new Yaml().load(Files.readString(dir.resolve(".gitlab-ci.yml")));
        assertThat(pipeline).containsKeys("check", "pages");
        assertThat(String.join("\n", scripts(pipeline.get("check")))).contains("alertbook check", "alertbook test",
                "alertbook build");
        assertThat(String.join("\n", scripts(pipeline.get("pages")))).contains("alertbook build -o public");
        assertThat(map(pipeline.get("variables"))).containsEntry("ALERTBOOK_VERSION", Main.Version.release());
    }

    @Test
    void aFolderWithFilesIsRefusedAndLeftAlone(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "ours");
        Repo.Result init = Repo.runBare("init", dir.toString());
        assertThat(init.code()).isEqualTo(2);
        assertThat(init.err()).contains("is not empty", "--force");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("notes.txt"));
        }
    }

    @Test
    void forceAddsTheStarterButKeepsEveryFileThatExists(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("README.md"), "# Our runbooks\n");
        Repo.Result init = Repo.runBare("init", "--force", dir.toString());
        assertThat(init.code()).as(init.all()).isZero();
        assertThat(init.out()).contains("kept    README.md").contains("created alertbook.yml");
        assertThat(dir.resolve("README.md")).hasContent("# Our runbooks");
        assertThat(Repo.runBare("build", "-C", dir.toString()).code()).isZero();
    }

    @Test
    void aFreshGitRepositoryCountsAsEmpty(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Repo.Result init = Repo.runBare("init", "--ci", "none", dir.toString());
        assertThat(init.code()).as(init.all()).isZero();
        assertThat(dir.resolve(".gitignore")).content().contains("/site/");
        assertThat(dir.resolve(".github")).doesNotExist();
        assertThat(dir.resolve(".gitlab-ci.yml")).doesNotExist();
    }

    @Test
    void aFileInsteadOfAFolderIsUsageError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("runbooks"), "");
        Repo.Result init = Repo.runBare("init", file.toString());
        assertThat(init.code()).isEqualTo(2);
        assertThat(init.err()).contains("is a file");
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> map(Object yaml) {
        return (Map<String, T>) yaml;
    }

    /** An input of the alertbook action in a job's steps. */
    private static String actionInput(Map<String, Object> job, String input) {
        List<Map<String, Object>> steps = (List<Map<String, Object>>) (List<?>) job.get("steps");
        return steps.stream().filter(step -> String.valueOf(step.get("uses")).startsWith("alertbook/alertbook@"))
                .map(step -> String.valueOf(map(step.get("with")).get(input))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<String> scripts(Object job) {
        return (List<String>) map(job).get("script");
    }
}
