package dev.alertbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A problem is reported once, where it is, and pages that are documentation get no runbook findings. */
class OneFindingPerProblemTest {

    @TempDir
    Path dir;

    @Test
    void aShortcodeForTheRunbooksOwnMissingAlertIsOnlyNoAlert() throws IOException {
        Repo repo = Repo.minimal(dir).write("content/runbooks/db/DbGone.md", """
                # DbGone

                {{% rule "db.yml" "DbGone" %}}

                {{% rule "db.yml" "DbMissing" %}}
                """);

        Repo.Result result = repo.run("check");

        assertThat(result.out().lines().filter(line -> !line.endsWith("[runbook/missing-section]"))).containsExactly(
                "content/runbooks/db/DbGone.md:1:1: warning: no alerting rule named DbGone was found in content/rules;"
                        + " fix the alert name (file name or front matter `alert`), add the rule, or mark the page `kind: page` if it is about no alert [runbook/no-alert]",
                "content/runbooks/db/DbGone.md:5:1: warning: rule file \"db.yml\" has no alert named DbMissing;"
                        + " fix the alert name in the shortcode [runbook/shortcode-alert-missing]");
    }

    @Test
    void aPageMarkedKindPageIsTiedToNoAlert() throws IOException {
        Repo repo = Repo.minimal(dir).write("content/runbooks/db/Escalation.md", """
                ---
                kind: page
                ---
                # DbEscalationPolicy

                Whom to call when the database is down.
                """);

        Repo.Result result = repo.run("check");

        assertThat(result.out()).as("no runbook/no-alert, missing-section or title-mismatch")
                .doesNotContain("Escalation.md");
        assertThat(result.code()).isZero();
    }

    @Test
    void missingSectionsAreOneFindingAndACombinedHeadingCountsForBoth() throws IOException {
        Repo repo = Repo.minimal(dir).write("alertbook.yml", "checks: {requiredSections: [Meaning, Impact, Diagnosis, Mitigation]}\n")
                .write("content/runbooks/db/DbDown.md", """
                        # Database down

                        ## Diagnosis and mitigation

                        Restart it.
                        """);

        Repo.Result result = repo.run("check");

        assertThat(result.out().lines()).containsExactly("content/runbooks/db/DbDown.md:1:1: warning: runbook has no"
                + " \"Meaning\" or \"Impact\" section; add `## Meaning` and `## Impact` headings with text under each"
                + " [runbook/missing-section]");
    }

    @Test
    void withoutRuleFilesRunbooksAreNotEachReportedAsHavingNoAlert() throws IOException {
        Repo repo = new Repo(dir).write("alertbook.yml", "contentDir: alerts\n")
                .write("alerts/db/DbDown.md", "# DbDown\n\n## Meaning\n\nx\n\n## Impact\n\nx\n\n## Diagnosis\n\nx\n\n## Mitigation\n\nx\n")
                .write("alerts/db/DbSlow.md", "# DbSlow\n\n## Meaning\n\nx\n\n## Impact\n\nx\n\n## Diagnosis\n\nx\n\n## Mitigation\n\nx\n");

        Repo.Result result = repo.run("check");

        assertThat(result.out().lines()).singleElement().asString()
                .startsWith("alertbook.yml:1:1: warning: the rules folder \"content/rules\" does not exist")
                .endsWith("[config/empty-folder]");
    }
}
