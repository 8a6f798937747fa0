package dev.alertbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alertbook new runbook}: a skeleton for an alert that has none, and never a second one. */
class NewRunbookCommandTest {

    private static final String CLOCK_SKEW = """

                  - alert: NodeClockSkew
                    expr: abs(node_timex_offset_seconds{job="node"}) > 0.05
                    for: 10m
                    labels:
                      severity: warning
                      team: infra
                    annotations:
                      summary: "Clock on {{ $labels.instance }} is {{ $value | humanizeDuration }} off"
                      description: The clock of {{ $labels.instance }} is more than 50ms off for 10 minutes.
            """;

    @TempDir
    Path repo;

    @BeforeEach
    void starter() {
        assertThat(Repo.runBare("init", repo.toString()).code()).isZero();
    }

    private void addClockSkewAlert() throws IOException {
        Files.writeString(repo.resolve("content/rules/node.yml"), CLOCK_SKEW,
                StandardOpenOption.APPEND);
    }

    @Test
    void writesASkeletonWithTheRequiredSectionsAndTheRuleSummary() throws IOException {
        addClockSkewAlert();
        Repo.Result created = Repo.runBare("new", "runbook", "NodeClockSkew", "-C", repo.toString());
        assertThat(created.code()).as(created.all()).isZero();
        assertThat(created.out()).contains("created content/runbooks/node/NodeClockSkew.md");

        String runbook = Files.readString(repo.resolve("content/runbooks/node/NodeClockSkew.md"));
        assertThat(runbook).startsWith("---\ntitle: NodeClockSkew\n")
                .contains("description: \"Clock on <instance> is <value> off\"", "owner: infra", "severity: warning",
                        "rule: node.yml")
                .contains("## Meaning\n", "## Impact\n", "## Diagnosis\n", "## Mitigation\n")
                .contains("**Clock on \\<instance\\> is \\<value\\> off**")
                .contains("The clock of \\<instance\\> is more than 50ms off for 10 minutes.")
                .contains("abs(node_timex_offset_seconds{job=\"node\"}) > 0.05");

        Repo.Result build = Repo.runBare("build", "-C", repo.toString());
        assertThat(build.code()).as(build.all()).isZero();
        // The prompts are comments: the sections stay reported until someone writes in them.
        assertThat(build.out()).contains("NodeClockSkew.md:").contains("section \"Impact\" is empty",
                "section \"Diagnosis\" is empty", "section \"Mitigation\" is empty")
                .doesNotContain("\"Meaning\"").doesNotContain("error:");
        String page = Files.readString(repo.resolve("site/runbooks/node/nodeclockskew/index.html"));
        assertThat(page).contains("Clock on &lt;instance&gt; is &lt;value&gt; off").doesNotContain("Write in place");
    }

    @Test
    void anAlertWithARunbookIsLeftAsItIs() throws IOException {
        Path runbook = repo.resolve("content/runbooks/node/NodeMemoryLow.md");
        String before = Files.readString(runbook);
        Repo.Result again = Repo.runBare("new", "runbook", "NodeMemoryLow", "-C", repo.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("NodeMemoryLow has a runbook already, content/runbooks/node/NodeMemoryLow.md");
        assertThat(runbook).hasContent(before);
    }

    @Test
    void aRunbookInAnotherGroupStillCountsAsTheAlertsRunbook() throws IOException {
        Repo.Result other = Repo.runBare("new", "runbook", "TargetDown", "--group", "elsewhere", "-C", repo.toString());
        assertThat(other.code()).isEqualTo(1);
        assertThat(repo.resolve("content/runbooks/elsewhere")).doesNotExist();
    }

    @Test
    void groupPutsTheRunbookInAnotherFolder() throws IOException {
        addClockSkewAlert();
        Repo.Result created = Repo.runBare("new", "runbook", "NodeClockSkew", "--group", "time", "-C", repo.toString());
        assertThat(created.code()).as(created.all()).isZero();
        assertThat(repo.resolve("content/runbooks/time/NodeClockSkew.md")).content().contains("tags: [time]");
    }

    @Test
    void aFileInTheWayIsNotOverwritten() throws IOException {
        addClockSkewAlert();
        Path inTheWay = repo.resolve("content/runbooks/node/NodeClockSkew.md");
        Files.writeString(inTheWay, "---\nalert: NodeMemoryLow\n---\n# Other\n");
        Repo.Result created = Repo.runBare("new", "runbook", "NodeClockSkew", "-C", repo.toString());
        assertThat(created.code()).isEqualTo(1);
        assertThat(inTheWay).hasContent("---\nalert: NodeMemoryLow\n---\n# Other");
    }

    @Test
    void anUnknownAlertGetsTheClosestNames() {
        Repo.Result typo = Repo.runBare("new", "runbook", "NodeMemoryLo", "-C", repo.toString());
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("no rule file defines the alert NodeMemoryLo (did you mean NodeMemoryLow?)");

        Repo.Result part = Repo.runBare("new", "runbook", "http", "-C", repo.toString());
        assertThat(part.err()).contains("did you mean HttpHighErrorRate or HttpHighLatency?");
    }

    @Test
    void missingWritesOneForEveryAlertWithout() throws IOException {
        addClockSkewAlert();
        Files.delete(repo.resolve("content/runbooks/http/TargetDown.md"));
        Repo.Result created = Repo.runBare("new", "runbook", "--missing", "-C", repo.toString());
        assertThat(created.code()).as(created.all()).isZero();
        assertThat(created.out().lines()).containsExactly(
                "created content/runbooks/http/TargetDown.md for TargetDown (content/rules/http.yml)",
                "created content/runbooks/node/NodeClockSkew.md for NodeClockSkew (content/rules/node.yml)");

        Repo.Result none = Repo.runBare("new", "runbook", "--missing", "-C", repo.toString());
        assertThat(none.code()).isZero();
        assertThat(none.out()).contains("Every alert has a runbook (6 alerts)");
    }

    @Test
    void anAlertAndMissingTogetherAreUsageError() {
        Repo.Result both = Repo.runBare("new", "runbook", "TargetDown", "--missing", "-C", repo.toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(Repo.runBare("new").code()).isEqualTo(2);
    }
}
