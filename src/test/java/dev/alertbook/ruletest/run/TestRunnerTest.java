package dev.alertbook.ruletest.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation loop against the facts of the promtool reference, one behaviour a test. */
class TestRunnerTest {

    @TempDir
    Path dir;

    private FileResult run(String rules, String tests) throws IOException {
        Files.writeString(dir.resolve("rules.yml"), rules);
        String text = "rule_files: [rules.yml]\n" + tests;
        return TestRunner.DEFAULT.run(new SourceFile(dir.resolve("t.yml"), "t.yml", text));
    }

    private static String alertAt(String time, String expected) {
        return "      - eval_time: " + time + "\n        alertname: A\n        exp_alerts: " + expected + "\n";
    }

    @Test
    void forAndKeepFiringForFollowTheVerifiedExample() throws IOException {
        String rules = "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: x == 1\n        for: 2m\n        keep_firing_for: 3m\n";
        String tests = "tests:\n  - interval: 1m\n    input_series:\n      - series: x\n        values: 1 1 1 1 0 0 0 0 0\n    alert_rule_test:\n"
                + alertAt("1m", "[]") + alertAt("2m", "[{}]") + alertAt("6m", "[{}]") + alertAt("7m", "[]");
        assertThat(run(rules, tests).allErrors()).isEmpty();
    }

    @Test
    void evalTimeRoundsDownToAStep() throws IOException {
        String rules = "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: x == 1\n";
        String tests = "evaluation_interval: 2m\ntests:\n  - interval: 1m\n    input_series:\n      - series: x\n        values: 0 1 1\n"
                + "    alert_rule_test:\n" + alertAt("1m30s", "[]") + alertAt("2m", "[{}]");
        assertThat(run(rules, tests).allErrors()).isEmpty();
    }

    /** At 2m the severity label changes, so it is a new alert: ALERTS_FOR_STATE restarts at 120. */
    @Test
    void recordingRulesFeedLaterRulesAndTemplatesExpand() throws IOException {
        String rules = """
                groups:
                  - name: g
                    rules:
                      - record: doubled
                        expr: x * 2
                      - alert: A
                        expr: doubled > 3
                        labels:
                          severity: '{{ if gt $value 5.0 }}page{{ else }}ticket{{ end }}'
                        annotations:
                          summary: '{{ $labels.job }} at {{ $value }} ({{ $externalLabels.dc }})'
                """;
        String tests = """
                tests:
                  - external_labels: {dc: eu}
                    input_series:
                      - series: 'x{job="api"}'
                        values: 1 2 1234567
                    alert_rule_test:
                      - eval_time: 1m
                        alertname: A
                        exp_alerts:
                          - exp_labels: {job: api, severity: ticket}
                            exp_annotations: {summary: 'api at 4 (eu)'}
                      - eval_time: 2m
                        alertname: A
                        exp_alerts:
                          - exp_labels: {job: api, severity: page}
                            exp_annotations: {summary: 'api at 2.469134e+06 (eu)'}
                    promql_expr_test:
                      - expr: ALERTS_FOR_STATE
                        eval_time: 2m
                        exp_samples:
                          - labels: 'ALERTS_FOR_STATE{alertname="A", job="api", severity="page"}'
                            value: 120
                """;
        assertThat(run(rules, tests).allErrors()).isEmpty();
    }

    @Test
    void alertMismatchPrintsPromtoolsFacts() throws IOException {
        String rules = "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: x\n        annotations:\n          s: v\n";
        String tests = "tests:\n  - name: grp\n    input_series:\n      - series: 'x{i=\"1\"}'\n        values: 1\n    alert_rule_test:\n"
                + alertAt("0m", "[]");
        assertThat(run(rules, tests).allErrors()).containsExactly("    name: grp,\n"
                + "    alertname: A, time: 0s, \n"
                + "        exp:[], \n"
                + "        got:[\n"
                + "            0:\n"
                + "              Labels:{alertname=\"A\", i=\"1\"}\n"
                + "              Annotations:{s=\"v\"}\n"
                + "            ]");
    }

    @Test
    void eachFailureSaysInOneLineWhatDiffersAndPointsAtItsCheck() throws IOException {
        String rules = "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: x\n        annotations:\n          s: v\n";
        String tests = "tests:\n  - input_series:\n      - series: 'x{i=\"1\"}'\n        values: 1\n    alert_rule_test:\n"
                + alertAt("0m", "[]")
                + alertAt("0m", "[{exp_labels: {i: '2'}, exp_annotations: {s: v}}]")
                + alertAt("0m", "[{exp_labels: {i: '1'}}]")
                + alertAt("0m", "[{exp_labels: {i: '1'}, exp_annotations: {s: w}}]")
                + "    promql_expr_test:\n      - expr: x\n        eval_time: 0m\n";

        List<Failure> failures = run(rules, tests).groups().get(0).failures();

        assertThat(failures).extracting(Failure::summary).containsExactly(
                "alert A at 0s: expected 0 firing alerts, got 1; unexpected {alertname=\"A\", i=\"1\"}",
                "alert A at 0s: missing {alertname=\"A\", i=\"2\"}",
                "alert A at 0s: annotation s is missing from exp_annotations, which must list every annotation",
                "alert A at 0s: annotation s is \"v\", expected \"w\"",
                "expr \"x\" at 0s: expected nil, got {__name__=\"x\", i=\"1\"} 1E+00");
        assertThat(failures).extracting(failure -> failure.at().line()).containsExactly(7, 10, 13, 16, 20);
    }

    @Test
    void theRunRecordsWhenEachAlertPendsAndFires() throws IOException {
        String rules = "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: x == 1\n        for: 2m\n";
        String tests = "tests:\n  - input_series:\n      - series: x\n        values: 0 1 1 1 1 0 1\n    alert_rule_test:\n"
                + alertAt("6m", "[]");

        GroupResult group = run(rules, tests).groups().get(0);

        assertThat(group.windows()).containsExactly(new AlertWindow("A", false, 60_000, 180_000),
                new AlertWindow("A", true, 180_000, 300_000), new AlertWindow("A", false, 360_000, 420_000));
    }

    @Test
    void expressionMismatchAndNaN() throws IOException {
        String tests = "tests:\n  - input_series:\n      - series: x\n        values: 61 NaN\n    promql_expr_test:\n"
                + "      - expr: x\n        eval_time: 0m\n        exp_samples:\n          - labels: x\n            value: 1\n"
                + "      - expr: x\n        eval_time: 1m\n        exp_samples:\n          - labels: x\n            value: .NaN\n";
        assertThat(run("groups: []\n", tests).allErrors()).containsExactly(
                "    expr: \"x\", time: 0s,\n        exp: {__name__=\"x\"} 1E+00\n        got: {__name__=\"x\"} 6.1E+01",
                "    expr: \"x\", time: 1m,\n        exp: {__name__=\"x\"} NaN\n        got: {__name__=\"x\"} NaN");
    }

    @Test
    void ruleErrorStopsTheGroupWithGoDuration() throws IOException {
        String rules = "groups:\n  - name: g\n    rules:\n      - record: r\n        expr: x\n        labels:\n          b: same\n";
        String tests = "tests:\n  - input_series:\n      - series: 'x{b=\"1\"}'\n        values: 1\n      - series: 'x{b=\"2\"}'\n        values: 1\n"
                + "    promql_expr_test:\n      - expr: x\n        eval_time: 2m\n";
        assertThat(run(rules, tests).allErrors()).containsExactly(
                "    rule: r, time: 0s, err: vector contains metrics with the same labelset after applying rule labels");
    }

    @Test
    void groupEvalOrderDecidesWhatALaterGroupSees() throws IOException {
        String rules = "groups:\n  - name: second\n    rules:\n      - record: b\n        expr: a\n"
                + "  - name: first\n    rules:\n      - record: a\n        expr: vector(1)\n";
        String tests = "group_eval_order: [first, second]\ntests:\n  - promql_expr_test:\n      - expr: b\n        eval_time: 0m\n"
                + "        exp_samples:\n          - labels: b\n            value: 1\n";
        assertThat(run(rules, tests).allErrors()).isEmpty();
    }

    private static String histogramTest(String values, String... expectations) {
        StringBuilder tests = new StringBuilder("tests:\n  - input_series:\n      - series: h\n        values: '" + values
                + "'\n    promql_expr_test:\n");
        for (String expected : expectations) {
            tests.append("      - expr: h\n        eval_time: 1m\n        exp_samples:\n          - labels: h\n            ")
                    .append(expected).append('\n');
        }
        return tests.toString();
    }

    @Test
    void histogramSamplesCompareByTheirTestExpression() throws IOException {
        String tests = histogramTest("{{sum:3 count:2 buckets:[2]}}+{{sum:1 count:1 buckets:[1]}}x1",
                "histogram: '{{buckets:[3] count:3 sum:4 counter_reset_hint:not_reset}}'",
                "histogram: '{{count:3 sum:4 buckets:[3]}}'",
                "value: 3");
        assertThat(run("groups: []\n", tests).allErrors()).containsExactly(
                "    expr: \"h\", time: 1m,\n"
                        + "        exp: {__name__=\"h\"} {{count:3 sum:4 buckets:[3]}}\n"
                        + "        got: {__name__=\"h\"} {{count:3 sum:4 counter_reset_hint:not_reset buckets:[3]}}",
                "    expr: \"h\", time: 1m,\n"
                        + "        exp: {__name__=\"h\"} 3E+00\n"
                        + "        got: {__name__=\"h\"} {{count:3 sum:4 counter_reset_hint:not_reset buckets:[3]}}");
    }

    /** promtool compares the float as well, and a histogram sample's float is 0: its failure shows two equal texts. */
    @Test
    void anExpectedHistogramWithAValueFailsAsInPromtool() throws IOException {
        String tests = histogramTest("{{sum:1}}x1", "histogram: '{{sum:1 counter_reset_hint:not_reset}}'\n            value: 1");
        assertThat(run("groups: []\n", tests).allErrors()).containsExactly("    expr: \"h\", time: 1m,\n"
                + "        exp: {__name__=\"h\"} {{sum:1 counter_reset_hint:not_reset}}\n"
                + "        got: {__name__=\"h\"} {{sum:1 counter_reset_hint:not_reset}}");
    }

    @Test
    void anExpectedHistogramMustBeOneHistogram() throws IOException {
        String tests = histogramTest("{{sum:1}}x1", "histogram: '{{sum:1}}x1'", "histogram: '1'", "histogram: '{{foo:1}}'");
        assertThat(run("groups: []\n", tests).allErrors()).containsExactly(
                "    expr: \"h\", time: 1m, err: labels \"h\": expected 1 value, got 2",
                "    expr: \"h\", time: 1m, err: labels \"h\": expected histogram, got 1.000000",
                "    expr: \"h\", time: 1m, err: labels \"h\": bad histogram descriptor found: \"foo\"");
    }

    /** A recording rule over histograms records histograms, which later rules and tests read back. */
    @Test
    void recordingRulesRecordHistogramSamples() throws IOException {
        String rules = "groups:\n  - name: g\n    rules:\n      - record: job:h:sum\n        expr: sum(h)\n";
        String tests = "tests:\n  - input_series:\n      - series: h\n        values: '{{sum:3 count:2 buckets:[2]}}x1'\n"
                + "    promql_expr_test:\n      - expr: job:h:sum\n        eval_time: 1m\n        exp_samples:\n"
                + "          - labels: job:h:sum\n            histogram: '{{count:2 sum:3 counter_reset_hint:not_reset buckets:[2]}}'\n"
                + "      - expr: histogram_count(job:h:sum)\n        eval_time: 1m\n        exp_samples:\n"
                + "          - labels: '{}'\n            value: 2\n";
        assertThat(run(rules, tests).allErrors()).isEmpty();
    }

    /** An alert on histogram samples gives its templates the histogram, which prints as Go's String() does. */
    @Test
    void alertTemplatesSeeAHistogramValueAsPrometheusPrintsIt() throws IOException {
        String rules = "groups:\n  - name: g\n    rules:\n      - alert: Slow\n        expr: h\n        annotations:\n"
                + "          summary: 'value {{ $value }}'\n"
                + "          queried: '{{ with query \"h\" }}{{ . | first | value }}{{ end }}'\n";
        String tests = "tests:\n  - input_series:\n      - series: h\n        values: '{{count:2 sum:3 buckets:[1 1]}}x5'\n"
                + "    alert_rule_test:\n      - eval_time: 1m\n        alertname: Slow\n        exp_alerts:\n"
                + "          - exp_labels: {}\n            exp_annotations:\n"
                + "              summary: 'value {count:2, sum:3, (0.5,1]:1, (1,2]:1}'\n"
                + "              queried: '{count:2, sum:3, (0.5,1]:1, (1,2]:1}'\n";
        assertThat(run(rules, tests).allErrors()).isEmpty();
    }
}
