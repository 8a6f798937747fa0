package dev.alertbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.files.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second {@code build} or {@code check} of a repository nothing changed in replays the first
 * from {@code .alertbook/cache/}: the same output, the same site, put back if it was deleted (a CI
 * job restores only the cache); any change to an input runs afresh.
 */
class RunCacheTest {

    private static final String REPLAYED = "replayed from .alertbook/cache";

    @TempDir
    Path dir;

    private String before;

    @BeforeEach
    void turnCacheOn() {
        before = System.getProperty(CachedRun.OFF_SWITCH);
        System.clearProperty(CachedRun.OFF_SWITCH);
    }

    @AfterEach
    void restore() {
        if (before != null) {
            System.setProperty(CachedRun.OFF_SWITCH, before);
        }
    }

    @Test
    void anUnchangedBuildIsReplayedWithItsSiteAndAnyChangeBuildsAfresh() throws IOException {
        Repo repo = Repo.minimal(dir.resolve("repo"));
        Repo.Result first = repo.run("build");
        assertThat(first.code()).as(first.all()).isZero();
        assertThat(first.err()).doesNotContain(REPLAYED);
        Map<String, String> site = files(repo.root.resolve("site"));
        assertThat(repo.root.resolve(".alertbook/cache/.gitignore")).content().contains("*");

        Repo.Result second = repo.run("build");
        assertThat(second.code()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(second.err()).startsWith(first.err()).contains(REPLAYED);
        assertThat(files(repo.root.resolve("site"))).isEqualTo(site);

        FileTrees.delete(repo.root.resolve("site"));
        Repo.Result restored = repo.run("build");
        assertThat(restored.err()).contains(REPLAYED);
        assertThat(files(repo.root.resolve("site"))).as("the site comes back from the cache").isEqualTo(site);

        repo.write("content/runbooks/db/DbDown.md", Files.readString(repo.root.resolve("content/runbooks/db/DbDown.md"))
                .replace("stopped answering", "stalled answering"));
        Repo.Result edited = repo.run("build");
        assertThat(edited.err()).as("an edit that keeps the file's size").doesNotContain(REPLAYED);
        assertThat(files(repo.root.resolve("site")).get("runbooks/db/dbdown/index.html")).contains("stalled answering");

        Repo.Result fresh = repo.run("build", "--no-cache");
        assertThat(fresh.err()).doesNotContain(REPLAYED);
        assertThat(fresh.out()).isEqualTo(edited.out());
    }

    @Test
    void aFailedBuildIsReplayedAsFailedAndWritesNothing() throws IOException {
        Repo repo = Repo.minimal(dir.resolve("repo")).write("content/rules/bad.yml", "groups:\n  - name: bad\n    rules:\n      - alert: Bad\n        expr: up ==\n");
        Repo.Result first = repo.run("build");
        Repo.Result second = repo.run("build");
        assertThat(first.code()).isEqualTo(Main.FINDINGS);
        assertThat(second.code()).isEqualTo(Main.FINDINGS);
        assertThat(second.out()).isEqualTo(first.out()).contains("promql/syntax");
        assertThat(second.err()).contains(REPLAYED);
        assertThat(repo.root.resolve("site")).doesNotExist();
    }

    @Test
    void checkIsReplayedPerOptionsButNeverForNamedFilesOrAGitRef() throws IOException {
        Repo repo = Repo.minimal(dir.resolve("repo"));
        Repo.Result text = repo.run("check");
        assertThat(repo.run("check").err()).contains(REPLAYED);
        Repo.Result json = repo.run("check", "--format", "json");
        assertThat(json.err()).as("other options, another run").doesNotContain(REPLAYED);
        assertThat(json.out()).isNotEqualTo(text.out());
        assertThat(repo.run("check", "content/rules/db.yml").err()).doesNotContain(REPLAYED);
        assertThat(repo.run("check", "content/rules/db.yml").err()).doesNotContain(REPLAYED);

        repo.run("build");
        assertThat(repo.run("check", "--format", "json").err()).as("the site written in between is no input")
                .contains(REPLAYED);
    }

    private static Map<String, String> files(Path site) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(site.relativize(file).toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }
}
