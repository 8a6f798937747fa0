package dev.alertbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.diag.KnownChecks;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckCommandTest {

    @TempDir
    Path dir;

    Repo repo;

    @BeforeEach
    void repository() throws IOException {
        repo = Repo.minimal(dir)
                .write("content/rules/bad.yml", "groups:\n  - name: bad\n    rules:\n      - alert: X\n        expr: up\n        labels: {\"\": y}\n")
                .write("content/runbooks/db/Orphan.md", "# Orphan\n\nNo rule.\n");
    }

    @Test
    void listsEveryCheckWithItsSeverityDescriptionAndDocumentation() {
        Repo.Result result = repo.run("check", "--list-checks");

        assertThat(result.code()).isZero();
        assertThat(KnownChecks.all()).allSatisfy(check -> assertThat(result.out().lines())
                .anyMatch(line -> line.startsWith("  " + check.id() + " ") && line.contains(" " + check.severity().label() + " ")
                        && line.endsWith(check.description() + " (docs/checks.md#" + check.anchor() + ")")));
        assertThat(result.out().lines().filter(line -> !line.isBlank() && !line.startsWith(" ")))
                .containsExactlyElementsOf(KnownChecks.groups());
        assertThat(result.out()).contains("  rule/for-too-short ").contains("(docs/checks.md#rulefor-too-short)");
    }

    @Test
    void listsTheChecksAsJson() {
        Repo.Result result = repo.run("check", "--list-checks", "--format", "json");

        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("[").contains("{\"check\":\"source/unreadable\",\"severity\":\"error\","
                + "\"group\":\"Reading files\",\"description\":\"a file cannot be read\","
                + "\"documentation\":\"docs/checks.md#sourceunreadable\"}");
        assertThat(result.out().split("\"check\":", -1)).hasSize(KnownChecks.all().size() + 1);
    }

    @Test
    void pathsLimitTheReportToThoseFiles() {
        Repo.Result result = repo.run("check", "content/runbooks");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("content/runbooks/db/Orphan.md").doesNotContain("content/rules/bad.yml");
        assertThat(repo.run("check", "content/rules/bad.yml").code()).isEqualTo(1);
    }

    @Test
    void aLoneRuleFileOutsideTheConfiguredFoldersIsCheckedLikePromtoolDoes() throws IOException {
        repo.write("elsewhere/alerts.yaml", "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up\n        for: 5x\n");

        Repo.Result result = repo.run("check", "elsewhere/alerts.yaml");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains("elsewhere/alerts.yaml:6:14: error:");
        assertThat(result.out().lines()).allMatch(line -> line.startsWith("elsewhere/alerts.yaml:"));
        assertThat(result.err()).startsWith("checked 3 rule files");
    }

    /**
     * Rule files {@code promtool check rules} rejects for their PromQL or templates, not their
     * schema: each must fail with the finding promtool reports, at its place in the file.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            rulefmt/bad_expr.bad.yaml     | 5:20: error: could not parse expression: 1:6: parse error: expected type range vector | promql/type
            promtool/bad-rules-syntax.yml | 7:22: error: could not parse expression: 1:7: parse error: unexpected end of input     | promql/syntax
            promtool/rules-bad.yml        | 12:33: error: annotation "summary": template: __alert_InstanceDown:1: undefined variable | template/undefined
            promtool/features.yml         | 6:15: error: could not parse expression: 1:1: parse error: function "sort_by_label" is not | promql/syntax
            """)
    void aLoneRuleFileGetsItsPromqlAndTemplatesChecked(String corpusFile, String finding, String checkId) {
        Path file = Path.of("../shared/corpus", corpusFile).toAbsolutePath().normalize();

        Repo.Result result = repo.run("check", file.toString());

        assertThat(result.code()).as(result.all()).isEqualTo(1);
        assertThat(result.out().lines().filter(line -> line.endsWith("[" + checkId + "]")))
                .anySatisfy(line -> assertThat(line).startsWith(file + ":" + finding));
        assertThat(result.out().lines()).allMatch(line -> line.startsWith(file + ":"));
        assertThat(result.err()).startsWith("checked 3 rule files");
    }

    @Test
    void aLoneRuleFileOnlyPromtoolAcceptsPassesWithWarningsAtMost() {
        Path file = Path.of("../shared/corpus/promtool/rules.yml").toAbsolutePath().normalize();

        Repo.Result result = repo.run("check", file.toString());

        assertThat(result.code()).as(result.all()).isZero();
        assertThat(result.out()).doesNotContain(": error: ");
    }

    /** A team running Prometheus with --enable-feature flags names them in alertbook.yml, and check parses alike. */
    @Test
    void experimentalPromqlParsesWhenAlertbookYmlTurnsItsFeatureOn() throws IOException {
        repo.write("content/rules/bad.yml", """
                groups:
                  - name: db
                    rules:
                      - alert: TopTalkers
                        expr: limitk(3, rate(bytes_total[5m])) > 1e6 and on() (up offset 1m) == fill(0) up
                        labels: {severity: page}
                """);

        Repo.Result off = repo.run("check", "content/rules/bad.yml");
        assertThat(off.code()).isEqualTo(1);
        assertThat(off.out()).contains("content/rules/bad.yml:5:15: error: could not parse expression: 1:1: parse error: "
                + "limitk() is experimental and must be enabled with --enable-feature=promql-experimental-functions");

        repo.write("alertbook.yml", "promqlFeatures: [promql-experimental-functions, promql-binop-fill-modifiers]\n");
        Repo.Result on = repo.run("check", "content/rules/bad.yml");
        assertThat(on.out()).as(on.all()).doesNotContain("promql/");
        assertThat(on.code()).isZero();
    }

    /** Prometheus takes operator chains of any length; every check walks the tree, one level per operator. */
    @Test
    void longOperatorChainsAreCheckedAndOverlongOnesAreAFinding() throws IOException {
        repo.write("content/rules/chain.yml", chain(1_000));
        Repo.Result thousand = repo.run("check", "content/rules/chain.yml");
        assertThat(thousand.code()).as(thousand.all()).isZero();
        assertThat(thousand.all()).doesNotContain("promql/", "Exception");

        repo.write("content/rules/chain.yml", chain(10_000));
        Repo.Result tooLong = repo.run("check", "content/rules/chain.yml");
        assertThat(tooLong.code()).isEqualTo(1);
        assertThat(tooLong.out()).contains("content/rules/chain.yml:5:15: error: could not parse expression: 1:1: parse "
                + "error: expression nests deeper than 1000 levels, each operator of a chain counting as one; split it "
                + "up; fix the PromQL syntax [promql/syntax]");
        assertThat(tooLong.all()).doesNotContain("Exception");
    }

    private static String chain(int terms) {
        String expr = java.util.stream.IntStream.range(0, terms).mapToObj(i -> "up{job=\"j" + i + "\"}")
                .collect(java.util.stream.Collectors.joining(" or "));
        return "groups:\n  - name: g\n    rules:\n      - alert: AnyDown\n        expr: " + expr + " == 0\n"
                + "        labels: {severity: page}\n";
    }

    @Test
    void theSummaryCountsEachCheckAndQuietPrintsErrorsOnly() {
        Repo.Result all = repo.run("check");
        assertThat(all.err()).isEqualTo("""
                checked 2 rule files, 0 rule test files and 2 runbooks: 1 error, 8 warnings, 0 notes
                1 error: 1 rule/invalid-label-name
                8 warnings: 2 rule/missing-annotation, 2 runbook/missing-section, 1 promql/always-fires, 1 rule/missing-label, \
                1 rule/no-runbook, 1 runbook/no-alert
                """);

        Repo.Result quiet = repo.run("check", "--quiet");
        assertThat(quiet.out().lines()).singleElement().asString().endsWith("[rule/invalid-label-name]");
        assertThat(quiet.err()).isEqualTo("""
                checked 2 rule files, 0 rule test files and 2 runbooks: 1 error, 8 warnings, 0 notes
                1 error: 1 rule/invalid-label-name
                """);
        assertThat(quiet.code()).isEqualTo(1);
    }

    @Test
    void githubFormatGivesWorkflowAnnotations() {
        Repo.Result result = repo.run("check", "--format", "github");

        assertThat(result.out()).contains("::error file=content/rules/bad.yml,line=6,col=18,title=rule/invalid-label-name::");
    }

    @Test
    void jsonFormatIsOneArray() {
        Repo.Result result = repo.run("check", "--format=json");

        assertThat(result.out().strip()).startsWith("[{\"path\":").endsWith("}]")
                .contains("\"check\":\"runbook/no-alert\"", "\"severity\":\"error\"");
    }

    @Test
    void unknownFormatIsUsageError() {
        Repo.Result result = repo.run("check", "--format", "xml");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("xml");
    }

    @Test
    void missingPathIsUsageError() {
        assertThat(repo.run("check", "no/such.yml").code()).isEqualTo(2);
    }
}
