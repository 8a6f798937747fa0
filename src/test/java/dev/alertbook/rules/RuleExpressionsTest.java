package dev.alertbook.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.promql.ParseOptions;
import dev.alertbook.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PromQL errors in rule files point at the exact line and column inside every kind of YAML scalar. */
class RuleExpressionsTest {

    private static List<Diagnostic> check(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        RuleFile file = RuleFileLoader.load(new SourceFile(Path.of("r.yml"), "r.yml", yaml), diagnostics).orElseThrow();
        RuleExpressions.check(List.of(file), ParseOptions.PROMETHEUS, diagnostics);
        return diagnostics.sorted().stream().filter(d -> d.checkId().startsWith("promql/")).toList();
    }

    private static String rule(String exprLines) {
        return "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: " + exprLines + "\n";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '\u0000', textBlock = """
            plain => up == 1 +  => 5:24
            plain, on two lines => up ==\\n          1 + foo{ => 6:19
            double-quoted => "up{job=\\"a\\"} + )" => 5:32
            double-quoted, escaped break => "sum(up) +\\\\n          bar baz" => 6:15
            single-quoted => 'sum(up{job=''a''}) by job' => 5:38
            literal block => |\\n          sum(rate(x[5m]))\\n            > bogus) => 7:20
            folded block => >\\n          sum(rate(x[5m]))\\n          > 0 0 => 7:15
            folded, keep => >+\\n          1 +\\n\\n          foo bar => 8:15
            literal block, end of input => |\\n          sum(up) +\\n        for: 5m => 6:20
            folded block, end of input => >\\n          sum(up) +\\n\\n        for: 5m => 6:20
            literal block, keep => |+\\n          sum(up) +\\n\\n\\n        for: 5m => 6:20
            literal block, indentation indicator => |2\\n            sum(rate(x[5m]))\\n              > bogus) => 7:22
            literal block, indicator and strip => |-1\\n           up == 1 + => 6:21
            """)
    void errorPositions(String name, String expr, String position) {
        List<Diagnostic> found = check(rule(expr.replace("\\n", "\n")));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).position().toString()).isEqualTo(position);
    }

    @Test
    void typeErrorsHaveTheirOwnCheckId() {
        Diagnostic diagnostic = check(rule("rate(hi)")).get(0);
        assertThat(diagnostic.checkId()).isEqualTo("promql/type");
        assertThat(diagnostic.position().toString()).isEqualTo("5:20");
        assertThat(diagnostic.message()).startsWith(
                "could not parse expression: 1:6: parse error: expected type range vector in call to function \"rate\", got instant vector");
    }

    /** promtool accepts them; the rule manager fails each evaluation with "rule result is not a vector or scalar". */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            up[5m]                         | range vector
            rate(x[5m])[10m:1m]            | range vector
            '"down"'                       | string
            """)
    void rangeVectorAndStringResultsFailEveryEvaluation(String expr, String type) {
        Diagnostic diagnostic = check(rule(expr)).get(0);
        assertThat(diagnostic.checkId()).isEqualTo("promql/result-type");
        assertThat(diagnostic.position().line()).isEqualTo(5);
        assertThat(diagnostic.message()).startsWith("rule result is not a vector or scalar: the expression is a " + type
                + ", so Prometheus fails every evaluation of this rule; ");
    }

    @Test
    void scalarResultsAreVectorsOfOneSample() {
        assertThat(check(rule("scalar(up)"))).isEmpty();
        assertThat(check(rule("1"))).isEmpty();
    }

    /** Prometheus parses a matcher's regex as written before anchoring it, where x)(y would balance. */
    @Test
    void aRegexIsValidatedAsWrittenBeforeItIsAnchored() {
        Diagnostic diagnostic = check(rule("up{a=~\"x)(y\"} == 0")).get(0);
        assertThat(diagnostic.checkId()).isEqualTo("promql/syntax");
        assertThat(diagnostic.message()).startsWith(
                "could not parse expression: 1:4: parse error: error parsing regexp: unexpected ): `x)(y`");
        assertThat(check(rule("up{a!~\"(x)|(y)\"} == 0"))).isEmpty();
    }

    /** Experimental syntax is not a typo: the fix names the promqlFeatures entry that accepts it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "info(up)                       | promql-experimental-functions",
        "limit_ratio(0.5, up)           | promql-experimental-functions",
        "histogram_quantiles(h, 'q', 1) | promql-experimental-functions",
        "rate(x[5m] anchored)           | promql-extended-range-selectors",
        "up + fill(0) up                | promql-binop-fill-modifiers",
    })
    void aDisabledFeatureIsNamedInTheFix(String expr, String feature) {
        Diagnostic diagnostic = check(rule(expr.replace('\'', '"'))).get(0);
        assertThat(diagnostic.checkId()).isEqualTo("promql/syntax");
        assertThat(diagnostic.message()).endsWith("; turn the feature on with promqlFeatures: [" + feature
                + "] in alertbook.yml, as Prometheus's --enable-feature=" + feature + " does, or rewrite the expression without it");
    }

    @Test
    void validExpressionsAreSilent() {
        assertThat(check(rule("|\n          sum by (job) (\n            rate(x[5m])\n          ) > 0"))).isEmpty();
    }
}
