package dev.alertbook.cli;

import static dev.alertbook.cli.LintChecksTest.RULE_FILE;
import static dev.alertbook.cli.LintChecksTest.RUNBOOK;
import static dev.alertbook.cli.LintChecksTest.alert;
import static dev.alertbook.cli.LintChecksTest.rules;
import static dev.alertbook.cli.LintChecksTest.runbookWith;
import static dev.alertbook.cli.LintChecksTest.summaryOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.diag.KnownChecks;
import dev.alertbook.diag.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks loading and linking run (rule-file schema, PromQL, templates, runbooks and their
 * links to rules) through the CLI, as {@link LintChecksTest} does for the lint checks: files that
 * trigger each, and files differing only in the fault, on which nothing at all is reported. An
 * error-level finding must fail the run.
 */
class LoaderChecksTest {

    @TempDir
    Path dir;

    static Stream<Arguments> checks() {
        String bad = "alert: Extra\n        expr: up == 0\n        for: 5m\n        labels: {severity: page}\n"
                + "        annotations: {summary: s, description: d}";
        return Stream.of(
                rule("rule/not-a-mapping", "- alert: Extra\n  expr: up == 0\n", alert("up == 0")),
                rule("rule/empty-file", "# no rules yet\n", "groups: []\n"),
                rule("rule/ignored-document", alert("up == 0") + "---\n" + alert("up == 1").replace("Extra", "Extra2"),
                        alert("up == 0") + alert("up == 1").replace("Extra", "Extra2").replace("groups:\n", "")
                                .replace("name: extra", "name: more")),
                rule("rule/unknown-field", alert("up == 0") + "        severity: page\n", alert("up == 0")),
                rule("rule/wrong-type", alert("up == 0", "for: [5m]"), alert("up == 0", "for: 5m")),
                rule("rule/invalid-duration", alert("up == 0", "for: 5x"), alert("up == 0", "for: 5m")),
                rule("rule/group-name-empty", alert("up == 0").replace("name: extra", "name: \"\""), alert("up == 0")),
                rule("rule/group-name-repeated", alert("up == 0") + alert("up == 0").replace("groups:\n", "")
                        .replace("Extra", "Other"), alert("up == 0") + alert("up == 0").replace("groups:\n", "")
                        .replace("Extra", "Other").replace("name: extra", "name: other")),
                rule("rule/invalid-label-value", alert("up == 0").replace("severity: page", "severity: \"\\ud800\""),
                        alert("up == 0").replace("severity: page", "severity: \"\\u00e9\"")),
                rule("rule/alert-and-record", rules(bad, "record: job:up:max"), rules(bad)),
                rule("rule/no-alert-or-record", rules("expr: up == 0"), rules("record: job:up:max", "expr: max by (job) (up)")),
                rule("rule/expr-missing", alert("up == 0").replace("expr: up == 0", "expr: \"\""), alert("up == 0")),
                rule("rule/recording-field", rules("record: job:up:max", "expr: max by (job) (up)", "for: 5m"),
                        rules("record: job:up:max", "expr: max by (job) (up)")),
                rule("rule/invalid-record-name", rules("record: \"\\ud800\"", "expr: max by (job) (up)"),
                        rules("record: job:up:max", "expr: max by (job) (up)")),
                rule("rule/record-name-braces", rules("record: \"job:up:max{a=\\\"b\\\"}\"", "expr: max by (job) (up)"),
                        rules("record: job:up:max", "expr: max by (job) (up)")),
                rule("rule/invalid-annotation-name", summaryOf("up == 0", "s").replace("description: d", "\"\": d"),
                        summaryOf("up == 0", "s")),
                rule("rule/invalid-label-name", alert("up == 0").replace("severity: page", "severity: page, \"\": x"),
                        alert("up == 0")),
                rule("rule/duplicate", alert("up == 0") + "      - " + bad + "\n", alert("up == 0")),
                rule("promql/syntax", alert("rate(x_total[5m] > 0"), alert("rate(x_total[5m]) > 0")),
                rule("promql/type", alert("rate(x_total) > 0"), alert("rate(x_total[5m]) > 0")),
                rule("promql/result-type", alert("up[5m]"), alert("max_over_time(up[5m]) == 0")),
                rule("template/syntax", summaryOf("up == 0", "{{ $labels.instance "), summaryOf("up == 0", "{{ $labels.instance }}")),
                rule("template/undefined", summaryOf("up == 0", "{{ $label.instance }}"), summaryOf("up == 0", "{{ $labels.instance }}")),
                rule("template/runtime", summaryOf("up == 0", "{{ if gt $value 80 }}high{{ end }}"),
                        summaryOf("up == 0", "{{ if gt $value 80.0 }}high{{ end }}")),
                rule("template/query-not-run", summaryOf("up == 0", "{{ query \\\"up\\\" }}"), summaryOf("up == 0", "up")),
                runbook("runbook/front-matter-unterminated", runbookWith("Database down", "").replaceFirst("---\n\n", "\n"),
                        runbookWith("Database down", "")),
                runbook("runbook/front-matter-not-mapping", runbookWith("Database down", "").replace("title: Database down", "- a"),
                        runbookWith("Database down", "")),
                runbook("runbook/front-matter-type", runbookWith("[Database, down]", ""), runbookWith("Database down", "")),
                body("runbook/script", "<script>alert(1)</script>", "<kbd>Ctrl</kbd>"),
                body("runbook/too-deep", ">".repeat(201) + " deep", ">".repeat(3) + " deep"),
                body("runbook/shortcode-syntax", "{{% comment %}}\nhidden", "{{% comment %}}\nhidden\n{{% /comment %}}"),
                shortcode("runbook/unknown-shortcode", "{{% chart \"x\" %}}"),
                shortcode("runbook/unknown-param", "{{< param \"NoSuchParam\" >}}"),
                shortcode("runbook/shortcode-file-missing", "{{% rule \"dbs.yml\" \"DbDown\" %}}"),
                shortcode("runbook/shortcode-alert-missing", "{{% rule \"db.yml\" \"DbUp\" %}}"),
                shortcode("runbook/path-outside-repo", "{{% rule \"../../../x.yml\" \"DbDown\" %}}"),
                runbook("runbook/rule-mismatch", runbookWith("Database down\nrule: api.yml", ""),
                        runbookWith("Database down\nrule: db.yml", "")),
                runbook("runbook/empty", "---\ntitle: Database down\n---\n", runbookWith("Database down", "")),
                of("runbook/no-alert", Map.of("content/runbooks/db/DbUp.md", runbookWith("Database up", "")),
                        Map.of("content/runbooks/db/DbUp.md", runbookWith("Database up\ndraft: true", ""))),
                of("rule/no-runbook", Map.of("alertbook.yml", "checks: {disabled: []}\n", RULE_FILE, alert("up == 0")),
                        Map.of("alertbook.yml", "checks: {disabled: []}\n", RULE_FILE, alert("up == 0"),
                                "content/runbooks/extra/Extra.md", runbookWith("Extra", ""))),
                of("rule/runbook-url-mismatch", Map.of(RULE_FILE, withRunbookUrl("/runbooks/extra/other/"),
                                "content/runbooks/extra/Extra.md", runbookWith("Extra", "")),
                        Map.of(RULE_FILE, withRunbookUrl("/runbooks/extra/extra/"),
                                "content/runbooks/extra/Extra.md", runbookWith("Extra", ""))),
                of("runbook/url-collision", Map.of("content/runbooks/db/Copy.md", runbookWith("Database down\nalert: DbDown", "")),
                        Map.of("content/runbooks/db/Copy.md", runbookWith("Database down\nalert: DbDown\ndraft: true", ""))),
                of("runbook/duplicate", Map.of("content/runbooks/api/DbDown.md", runbookWith("Database down", "")),
                        Map.of("content/runbooks/api/DbDown.md", runbookWith("Database down\ndraft: true", ""))),
                of("runbook/ambiguous-alert", Map.of("content/rules/db/more.yml", LintChecksTest.dbDown("warning")),
                        Map.of("content/rules/db/more.yml", LintChecksTest.dbDown("warning"),
                                RUNBOOK, runbookWith("Database down\nrule: db.yml", ""))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void firesOnTheFaultyFilesOnly(String checkId, Map<String, String> faulty, Map<String, String> clean) throws IOException {
        Repo.Result fired = write(LintChecksTest.base(dir.resolve("faulty")), faulty).run("check");
        assertThat(fired.out()).as(fired.all()).contains("[" + checkId + "]");
        boolean error = KnownChecks.find(checkId).orElseThrow().severity() == Severity.ERROR;
        assertThat(fired.code()).as(fired.all()).isEqualTo(error ? 1 : 0);

        Repo.Result quiet = write(LintChecksTest.base(dir.resolve("clean")), clean).run("check");
        assertThat(quiet.out()).as(quiet.all()).isEmpty();
        assertThat(quiet.code()).isZero();
    }

    /** Every check on rules, expressions, templates and runbooks has a pair here or in {@link LintChecksTest}. */
    @Test
    void everyContentCheckHasAPair() {
        Set<String> tested = Stream.concat(checks(), LintChecksTest.checks()).map(arguments -> (String) arguments.get()[0])
                .collect(Collectors.toCollection(TreeSet::new));
        tested.add("runbook/stale"); // LintGitTest, since it needs git history
        tested.add("rule/runbook-url-mismatch"); // SiteBuildTest

        Set<String> content = KnownChecks.ids().stream()
                .filter(id -> id.matches("(rule|promql|template|runbook)/.*")).collect(Collectors.toCollection(TreeSet::new));

        assertThat(tested).containsAll(content);
    }

    /** A runbook with {@code faulty}, or {@code clean}, as a paragraph of its Meaning section. */
    private static Arguments body(String checkId, String faulty, String clean) {
        return runbook(checkId, runbookWith("Database down", faulty + "\n"), runbookWith("Database down", clean + "\n"));
    }

    /** A runbook with a faulty shortcode, and one showing its alert's rule instead. */
    private static Arguments shortcode(String checkId, String faulty) {
        return body(checkId, faulty, "{{% rule \"db.yml\" \"DbDown\" %}}");
    }

    private static String withRunbookUrl(String url) {
        return rules("alert: Extra", "expr: up == 0", "for: 5m", "labels: {severity: page}",
                "annotations: {summary: s, description: d, runbook_url: \"" + url + "\"}");
    }

    private static Repo write(Repo repo, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            repo.write(file.getKey(), file.getValue());
        }
        return repo;
    }

    private static Arguments of(String checkId, Map<String, String> faulty, Map<String, String> clean) {
        return Arguments.of(checkId, faulty, clean);
    }

    private static Arguments rule(String checkId, String faulty, String clean) {
        return of(checkId, Map.of(RULE_FILE, faulty), Map.of(RULE_FILE, clean));
    }

    private static Arguments runbook(String checkId, String faulty, String clean) {
        return of(checkId, Map.of(RUNBOOK, faulty), Map.of(RUNBOOK, clean));
    }
}
