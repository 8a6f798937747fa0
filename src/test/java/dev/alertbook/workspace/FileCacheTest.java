package dev.alertbook.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.config.SiteConfig;
import dev.alertbook.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview server reloads through one cache; what it replays must match the current settings. */
class FileCacheTest {

    @TempDir
    Path dir;

    @Test
    void changingPromqlFeaturesRechecksUnchangedRuleFiles() throws IOException {
        Path rules = dir.resolve("content/rules/r.yml");
        Files.createDirectories(rules.getParent());
        Files.writeString(rules, "groups:\n  - name: g\n    rules:\n      - record: x\n        expr: limitk(1, up)\n");
        WorkspaceLoader loader = new WorkspaceLoader(dir, dir.resolve(SiteConfig.FILE_NAME), new FileCache());

        assertThat(loader.load().diagnostics().sorted()).extracting(Diagnostic::checkId).contains("promql/syntax");

        Files.writeString(dir.resolve(SiteConfig.FILE_NAME), "promqlFeatures: [promql-experimental-functions]\n");
        assertThat(loader.load().diagnostics().sorted()).extracting(Diagnostic::checkId).doesNotContain("promql/syntax");
    }
}
