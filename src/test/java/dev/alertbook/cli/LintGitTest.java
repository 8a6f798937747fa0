package dev.alertbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks and options that read git history: {@code --changed-since} and {@code runbook/stale}. */
class LintGitTest {

    @TempDir
    Path dir;

    Repo repo;

    @BeforeEach
    void repository() throws Exception {
        repo = LintChecksTest.base(dir)
                .write("content/rules/api.yml", LintChecksTest.rules("alert: ApiDown", "expr: up{job=~\"api\"} == 0",
                        "for: 5m", "labels: {severity: page}", "annotations: {summary: s, description: d}"))
                .write("content/runbooks/api/ApiDown.md", LintChecksTest.runbookWith("Api down", ""))
                .write("content/rules/web.yml", LintChecksTest.rules("alert: Web", "expr: up{job=~\"web\"} == 0",
                        "for: 5m", "labels: {severity: page}", "annotations: {summary: s, description: d}"));
        git("init", "-q", "-b", "main");
        commit("2024-01-01T00:00:00Z", "first");
    }

    @Test
    void changedSinceReportsChangedFilesAndWhatTheChangesBreakElsewhere() throws Exception {
        repo.write(LintChecksTest.RULE_FILE, LintChecksTest.alert("up{job=~\"web\"} == 0"));
        Files.delete(dir.resolve("content/rules/api.yml"));
        repo.write("content/rules/db.yml", Files.readString(dir.resolve("content/rules/db.yml")) + "\n");

        Repo.Result all = repo.run("check");
        Repo.Result changed = repo.run("check", "--changed-since", "HEAD");

        assertThat(all.out()).contains("content/runbooks/api/ApiDown.md", "content/rules/extra.yml", "content/rules/web.yml");
        assertThat(changed.out()).as("the new rule file's finding, and the runbook the deleted rule orphaned")
                .contains("content/rules/extra.yml:5:", "content/runbooks/api/ApiDown.md:1:1: warning: no alerting rule named ApiDown");
        assertThat(changed.out().lines()).hasSize(2);
    }

    @Test
    void changedSinceReportsOnlyTheRulesWhoseTextChanged() throws Exception {
        String first = """
                      - alert: First
                        expr: up{job=~"a"} == 0
                        for: 5m
                        labels: {severity: page}
                        annotations: {summary: s, description: d}
                """;
        String second = first.replace("First", "Second").replace("\"a\"", "\"b\"");
        String header = "groups:\n  - name: extra\n    rules:\n";
        repo.write(LintChecksTest.RULE_FILE, header + first + second);
        commit("2024-01-02T00:00:00Z", "two alerts");

        repo.write(LintChecksTest.RULE_FILE, header + second + first);
        assertThat(repo.run("check", "--changed-since", "HEAD").out()).as("rules that only moved").isEmpty();

        repo.write(LintChecksTest.RULE_FILE, header + second.replace("5m", "10m") + first);
        Repo.Result changed = repo.run("check", "--changed-since", "HEAD");

        assertThat(repo.run("check").out()).contains("matcher job=~\"a\"", "matcher job=~\"b\"");
        assertThat(changed.out().lines()).singleElement().asString()
                .startsWith("content/rules/extra.yml:5:15: info: matcher job=~\"b\" is a plain comparison");
    }

    @Test
    void changedSinceReportsTheAlertsARenamedRecordingRuleLeftBehind() throws Exception {
        repo.write(LintChecksTest.RULE_FILE, LintChecksTest.alert("job:pg_up:max{job=~\"db\"} == 0"));
        commit("2024-01-02T00:00:00Z", "an alert on the recording rule");
        repo.write("content/rules/db.yml", Files.readString(dir.resolve("content/rules/db.yml"))
                .replace("record: job:pg_up:max", "record: job:pg_up:maximum"));

        Repo.Result changed = repo.run("check", "--changed-since", "HEAD");

        assertThat(changed.out().lines()).as("the no-recording-rule findings, not the alert's old regex-equality one")
                .hasSize(2).allMatch(line -> line.endsWith("[promql/no-recording-rule]"))
                .anyMatch(line -> line.startsWith("content/rules/db.yml:7:"))
                .anyMatch(line -> line.startsWith("content/rules/extra.yml:5:15:"));
        assertThat(repo.run("check").out()).contains("[promql/regex-equality]");
    }

    @Test
    void changedSinceReportsTheRunbookShortcodesADeletedAlertBroke() throws Exception {
        repo.write("content/runbooks/api/Overview.md", LintChecksTest.runbookWith("Overview", "")
                .replace("The database is down.", "{{% rule \"api.yml\" \"ApiDown\" %}}"))
                .write("alertbook.yml", "checks: {disabled: [rule/no-runbook, runbook/no-alert, runbook/title-mismatch]}\n");
        commit("2024-01-02T00:00:00Z", "an overview page");
        Files.delete(dir.resolve("content/rules/api.yml"));

        Repo.Result changed = repo.run("check", "--changed-since", "HEAD");

        assertThat(changed.out().lines()).singleElement().asString()
                .startsWith("content/runbooks/api/Overview.md:7:1: warning: rule file \"api.yml\" does not exist");
    }

    @Test
    void changedSinceAnUnknownRefIsAUsageError() {
        Repo.Result result = repo.run("check", "--changed-since", "no-such-branch");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("no-such-branch");
    }

    @Test
    void aRunbookIsStaleWhenItsRuleChangedLongAfterIt() throws Exception {
        repo.write("content/rules/db.yml", Files.readString(dir.resolve("content/rules/db.yml")).replace("5m", "10m"));
        commit("2024-06-01T00:00:00Z", "rule change");

        Repo.Result stale = repo.run("check");

        assertThat(stale.out()).contains("content/runbooks/db/DbDown.md:1:1: warning: alert DbDown (content/rules/db.yml:6)"
                + " changed on 2024-06-01, 152 days after this runbook (2024-01-01)").contains("[runbook/stale]");
        repo.write("alertbook.yml", "checks: {disabled: [rule/no-runbook], staleAfter: 200d}\n");
        assertThat(repo.run("check").out()).doesNotContain("[runbook/stale]");
    }

    @Test
    void aRunbookIsNotStaleWhenOnlyAnotherRuleOfItsFileChanged() throws Exception {
        repo.write("content/rules/db.yml", Files.readString(dir.resolve("content/rules/db.yml"))
                .replace("max by (job) (pg_up)", "max by (job, instance) (pg_up)"));
        commit("2024-06-01T00:00:00Z", "the recording rule changes");

        assertThat(repo.run("check").out()).doesNotContain("[runbook/stale]");

        repo.write("content/rules/db.yml", Files.readString(dir.resolve("content/rules/db.yml"))
                .replace("No database answers.", "No database answers any more."));
        assertThat(repo.run("check").out()).as("a change not committed yet").doesNotContain("[runbook/stale]");
        commit("2024-07-01T00:00:00Z", "the alert changes");

        assertThat(repo.run("check").out()).contains("DbDown.md:1:1: warning: alert DbDown (content/rules/db.yml:6)"
                + " changed on 2024-07-01, 182 days after this runbook (2024-01-01)");
    }

    /** Commits everything; the committer date is the one history is read by. */
    private void commit(String date, String message) throws Exception {
        git("add", "-A");
        gitAt(date, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", message);
    }

    private void git(String... args) throws IOException, InterruptedException {
        gitAt("", args);
    }

    private void gitAt(String date, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(concat(args)).directory(dir.toFile()).redirectErrorStream(true);
        if (!date.isEmpty()) {
            builder.environment().put("GIT_COMMITTER_DATE", date);
            builder.environment().put("GIT_AUTHOR_DATE", date);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }

    private static List<String> concat(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return command;
    }
}
