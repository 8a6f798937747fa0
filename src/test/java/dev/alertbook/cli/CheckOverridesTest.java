package dev.alertbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code checks.overrides}: a folder or a file drops or re-grades checks, in the order written. */
class CheckOverridesTest {

    @TempDir
    Path dir;

    Repo repo;

    @BeforeEach
    void repository() throws IOException {
        repo = Repo.minimal(dir)
                .write("content/runbooks/snmptrap/LinkDown.md", "# LinkDown\n\nAn SNMP trap, not a Prometheus alert.\n")
                .write("content/runbooks/snmptrap/ColdStart.md", "# ColdStart\n\nAn SNMP trap too.\n")
                .write("content/runbooks/db/Orphan.md", "# Orphan\n\nNo rule.\n");
    }

    @Test
    void aFolderDropsACheckAndAFileInItReGradesIt() throws IOException {
        repo.write("alertbook.yml", """
                checks:
                  overrides:
                    - paths: [content/runbooks/snmptrap/**]
                      disabled: [runbook/no-alert]
                    - paths: [content/runbooks/snmptrap/ColdStart.md]
                      severity: {runbook/no-alert: error}
                """);

        Repo.Result result = repo.run("check");

        assertThat(result.out().lines().filter(line -> line.endsWith("[runbook/no-alert]"))).containsExactly(
                "content/runbooks/db/Orphan.md:1:1: warning: no alerting rule named Orphan was found in content/rules;"
                        + " fix the alert name (file name or front matter `alert`), add the rule, or mark the page"
                        + " `kind: page` if it is about no alert [runbook/no-alert]",
                "content/runbooks/snmptrap/ColdStart.md:1:1: error: no alerting rule named ColdStart was found in"
                        + " content/rules; fix the alert name (file name or front matter `alert`), add the rule, or mark"
                        + " the page `kind: page` if it is about no alert [runbook/no-alert]");
        assertThat(result.code()).isEqualTo(1);
    }

    @Test
    void anOverrideWhosePathsMatchNothingIsReported() throws IOException {
        repo.write("alertbook.yml", """
                checks:
                  overrides:
                    - paths: [content/runbook/snmptrap/**]
                      disabled: [runbook/no-alert]
                """);

        Repo.Result result = repo.run("check");

        assertThat(result.out()).contains("alertbook.yml:3:7: warning: this override's paths (content/runbook/snmptrap/**)"
                + " match none of the rule files, runbooks and test files alertbook reads, so it changes nothing;"
                + " write them relative to the repository, such as content/runbooks/snmptrap/** [config/override-unmatched]");
        assertThat(result.out().lines().filter(line -> line.endsWith("[runbook/no-alert]"))).hasSize(3);
    }

    @Test
    void aDisableCommentForACheckAnOverrideTurnsOffIsUnused() throws IOException {
        repo.write("alertbook.yml", """
                checks:
                  overrides:
                    - paths: [content/rules/legacy.yml]
                      disabled: [promql/regex-equality]
                """).write("content/rules/legacy.yml", """
                groups:
                  - name: legacy
                    rules:
                      - alert: Legacy
                        expr: up{job=~"db"} == 0 # alertbook disable promql/regex-equality
                        for: 5m
                        labels: {severity: page}
                        annotations: {summary: s, description: d}
                """);

        Repo.Result result = repo.run("check", "content/rules");

        assertThat(result.out().lines()).containsExactly(
                "content/rules/legacy.yml:4:16: warning: alert Legacy has no runbook; write"
                        + " content/runbooks/legacy/Legacy.md [rule/no-runbook]",
                "content/rules/legacy.yml:5:34: warning: `# alertbook disable promql/regex-equality` turns off nothing:"
                        + " alertbook.yml disables promql/regex-equality for this file already"
                        + " (checks.disabled or checks.overrides); remove the comment [rule/unused-disable]");
    }
}
