package dev.alertbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The steps of {@code action.yml}, run on a starter repository with this build of alertbook as the
 * launcher (the download is exercised by {@code DistributionIT} on the real tarball).
 */
class GitHubActionTest {

    private static final Path ACTION = Path.of("action.yml");

    @TempDir
    Path temp;

    Path repo;
    Path launcher;
    CompositeAction action;

    @BeforeEach
    void starter() throws IOException {
        repo = temp.resolve("repo");
        assertThat(Repo.runBare("init", repo.toString()).code()).isZero();
        launcher = temp.resolve("alertbook");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '" + System.getProperty("java.class.path") + "' dev.alertbook.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(temp.resolve("runner"));
        action = new CompositeAction(ACTION);
    }

    private CompositeAction.Run run(Map<String, String> with) throws IOException, InterruptedException {
        Map<String, String> inputs = new java.util.HashMap<>(with);
        inputs.putIfAbsent("alertbook", launcher.toString());
        return action.run(repo, inputs, "v1.0.0", temp.resolve("runner"));
    }

    @Test
    void checksTestsAndBuildsTheStarterAndHandsTheSarifToCodeScanning() throws Exception {
        CompositeAction.Run run = run(Map.of());
        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).contains("alertbook 0", "::group::alertbook check", "::group::alertbook test",
                "::group::alertbook build", "0 errors, 0 warnings", "SUCCESS", "built site: 5 runbooks")
                .doesNotContain("::error");
        Map<String, Object> sarif = new Yaml().load(Files.readString(repo.resolve("alertbook.sarif")));
        assertThat(CompositeAction.list(sarif.get("runs"))).hasSize(1);
        assertThat(repo.resolve("alertbook-tests.xml")).content().contains("<testsuite");
        assertThat(repo.resolve("site/index.html")).isRegularFile();

        assertThat(run.used()).singleElement().satisfies(upload -> {
            assertThat(upload.uses()).startsWith("github/codeql-action/upload-sarif@");
            assertThat(upload.with()).containsEntry("sarif_file", "alertbook.sarif");
            assertThat(upload.condition()).contains("always()");
        });
        String starterIgnores = Files.readString(repo.resolve(".gitignore"));
        assertThat(starterIgnores).contains("/alertbook.sarif", "/alertbook-tests.xml");
    }

    @Test
    void aBrokenRuleIsAnnotatedAndEveryCommandStillRuns() throws Exception {
        Files.writeString(repo.resolve("content/rules/broken.yml"), """
                groups:
                  - name: broken
                    rules:
                      - alert: Broken
                        expr: sum(rate(x[5m]) > 1
                """);
        CompositeAction.Run run = run(Map.of("command", "check test build", "sarif", ""));
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.output()).contains("::error file=content/rules/broken.yml,line=5",
                "::group::alertbook test", "::group::alertbook build", "build failed");
        assertThat(run.outputs().get("run")).doesNotContainKey("sarif");
        assertThat(repo.resolve("site")).doesNotExist();
    }

    @Test
    void theCommandsAndTheirOptionsAreInputs() throws Exception {
        CompositeAction.Run run = run(Map.of("command", "build", "build-args", "-o public -q"));
        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain("::group::alertbook check").contains("built public");
        assertThat(repo.resolve("public/index.html")).isRegularFile();
        assertThat(run.used()).singleElement().satisfies(upload -> assertThat(upload.with()).containsEntry("sarif_file", ""));
    }

    @Test
    void anUnknownCommandFailsTheStepAndSaysWhy() throws Exception {
        CompositeAction.Run run = run(Map.of("command", "deploy"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.output()).contains("::error::alertbook: unknown command 'deploy'");
    }

    @Test
    void withoutAVersionFromTheRefOrTheInputsItAsksForOne() throws Exception {
        CompositeAction.Run run = action.run(repo, Map.of(), "main", temp.resolve("runner"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.output()).contains("::error::alertbook: cannot tell which release to run from the action's ref 'main'");
        assertThat(run.ran()).hasSize(1);
    }

    @Test
    void theActionDescribesEveryInputAndRunsAsAComposite() {
        Map<String, Object> definition = action.definition();
        assertThat(CompositeAction.map(definition.get("runs"))).containsEntry("using", "composite");
        CompositeAction.map(definition.get("inputs")).forEach((name, spec) ->
                assertThat(CompositeAction.map(spec)).as(name).containsKeys("description", "default"));
    }
}
