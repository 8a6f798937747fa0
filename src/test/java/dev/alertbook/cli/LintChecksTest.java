package dev.alertbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every lint check through the CLI: one repository where it fires and one, differing only in the
 * file at fault, where nothing at all is reported. The base repository is clean, so the clean
 * variant also proves the check has no false positive on ordinary rules and runbooks.
 */
class LintChecksTest {

    static final String RULE_FILE = "content/rules/extra.yml";
    static final String RUNBOOK = "content/runbooks/db/DbDown.md";

    @TempDir
    Path dir;

    static Stream<Arguments> checks() {
        return Stream.of(
                rule("rule/duplicate-across-files", dbDown("critical"), dbDown("warning")),
                rule("rule/missing-label", rules("alert: Extra", "expr: up == 0", "for: 5m", "annotations: {summary: s, description: d}"),
                        ("groups:\n  - name: extra\n    labels: {severity: page}\n    rules:\n      - alert: Extra\n"
                                + "        expr: up == 0\n        for: 5m\n        annotations: {summary: s, description: d}\n")),
                rule("rule/missing-annotation", rules("alert: Extra", "expr: up == 0", "for: 5m", "labels: {severity: page}",
                                "annotations: {summary: s}"),
                        alert("up == 0")),
                // 10s is less than the 15s alertbook assumes without checks.evaluationInterval; for: 1m in a
                // group evaluated every minute waits for two evaluations, as it says.
                rule("rule/for-too-short", alert("up == 0", "for: 10s"), everyMinute("for: 1m")),
                rule("rule/for-too-short", everyMinute("for: 30s"), everyMinute("for: 2m")),
                rule("rule/rate-without-for", rules("alert: Extra", "expr: rate(errors_total[5m]) > 1",
                        "labels: {severity: page}", "annotations: {summary: s, description: d}"), alert("rate(errors_total[5m]) > 1")),
                // Events: any error at all, or a count of them in a window, need no for:.
                rule("rule/rate-without-for", rules("alert: Extra", "expr: sum(rate(errors_total[5m])) / sum(rate(requests_total[5m])) > 0.1",
                        "labels: {severity: page}", "annotations: {summary: s, description: d}"),
                        rules("alert: Extra", "expr: rate(errors_total[5m]) > 0 or increase(oom_kills_total[5m]) > 3"
                                + " or changes(config_hash[10m]) >= 1", "labels: {severity: page}",
                                "annotations: {summary: s, description: d}")),
                rule("rule/redundant-for", alert("up == 0", "for: 0s"), rules("alert: Extra", "expr: up == 0",
                        "labels: {severity: page}", "annotations: {summary: s, description: d}")),
                rule("rule/record-name", rules("record: pg_up_max", "expr: max(pg_up)"), rules("record: job:pg_up:max2", "expr: max(pg_up)")),
                rule("rule/record-name", rules("record: pg_up_max", "expr: max(pg_up)"),
                        rules("record: apiserver_request:burnrate1h", "expr: max(pg_up)")),
                rule("template/value-in-label", rules("alert: Extra", "expr: up == 0", "for: 5m",
                                "labels: {severity: page, level: '{{ if gt $value 1.0 }}high{{ end }}'}",
                                "annotations: {summary: s, description: d}"),
                        rules("alert: Extra", "expr: up == 0", "for: 5m", "labels: {severity: page, value: '$value'}",
                                "annotations: {summary: 'is {{ $value }}', description: d}")),
                rule("promql/always-fires", alert("node_load1"), alert("vector(1)")),
                rule("promql/always-fires", alert("node_load1 > 4 or vector(0)"), alert("node_load1 > 4 or vector(0) > 1")),
                rule("promql/always-fires", alert("up > bool 0"), alert("pg_index_size{name=~\".*_ccnew.*\"}")),
                rule("promql/regex-matches-all", alert("up{job=~\".*\"} == 0"), alert("up{job=~\".+\"} == 0")),
                rule("promql/regex-matches-all", alert("up{job!~\".*\"} == 0"), alert("up{job!~\".+\"} == 0")),
                rule("promql/absent-regex", alert("absent(up{job=~\"api|db\"})"),
                        alert("absent(up{job=\"api\"}) or absent(up{job=\"db\"}) or absent(up{job=~\".*thanos.*\"})")),
                rule("promql/nan-comparison", alert("up == NaN"), alert("up != up")),
                rule("promql/nan-comparison", alert("up != NaN"), alert("up != 1")),
                rule("promql/regex-equality", alert("up{job=~\"db\"} == 0"), alert("up{job=~\"db|api\"} == 0")),
                rule("promql/regex-anchors", alert("up{job=~\"^db.*\"} == 0"), alert("up{job=~\"db.*\"} == 0")),
                rule("promql/range-too-short", alert("rate(errors_total[20s]) > 0"), alert("rate(errors_total[1m]) > 0")),
                rule("promql/rate-not-counter", alert("rate(node_memory_usage[5m]) > 0"),
                        alert("rate(pg_stat_database_deadlocks[5m]) > 0 or rate(pg_txid_current[5m]) > 0 or deriv(node_memory_usage[5m]) > 0")),
                rule("promql/impossible-comparison", alert("count(up{job=\"db\"}) == 0"), alert("absent(up{job=\"db\"}) == 1")),
                rule("promql/histogram-without-le", alert("histogram_quantile(0.9, sum by (job) (rate(x_bucket[5m]))) > 1"),
                        alert("histogram_quantile(0.9, sum by (job, le) (rate(x_bucket[5m]))) > 1 and sum by (job) (rate(x_bucket[5m])) > 0")),
                // An SLO's fast requests: the selector picks one bucket.
                rule("promql/histogram-without-le", alert("sum(rate(x_bucket{le!=\"+Inf\"}[5m])) / sum(rate(x_count[5m])) < 0.9"),
                        alert("sum(rate(x_bucket{le=~\"1(\\\\.0)?\"}[5m])) / sum(rate(x_count[5m])) < 0.9")),
                rule("promql/no-recording-rule", alert("job:pg_down:max > 0"), alert("job:pg_up:max > 0")),
                rule("template/label-missing", summaryOf("sum by (job) (up) == 0", "{{ $labels.instance }} is down"),
                        summaryOf("sum by (job, instance) (up) == 0", "{{ $labels.instance }} is down")),
                rule("rule/unused-disable", alert("up{job=\"db\"} == 0 # alertbook disable promql/regex-equality"),
                        alert("up{job=~\"db\"} == 0 # alertbook disable promql/regex-equality")),
                runbook("runbook/missing-section", runbookWith("Database down", "## Impact\n\n## Diagnosis\n\nLook.\n"),
                        runbookWith("Database down", "## Impact\n\nNone, and this paragraph is underlined.\n---\n\n## Diagnosis\n\n### First\n\nLook.\n")),
                runbook("runbook/title-mismatch", runbookWith("DbUp", ""), runbookWith("DbDown", "")),
                runbook("runbook/promql-syntax", runbookWith("Database down", "```promql\nrate(x[5m]\n```\n"),
                        runbookWith("Database down", "```promql\nrate(x_total[5m])\n\nup{instance=\"<instance>\"\n```\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void firesOnTheFaultyFileOnly(String checkId, String path, String faulty, String clean) throws IOException {
        Repo.Result fired = base(dir.resolve("faulty")).write(path, faulty).run("check");
        assertThat(fired.out()).as(fired.all()).contains("[" + checkId + "]");
        assertThat(fired.code()).isZero();

        Repo.Result quiet = base(dir.resolve("clean")).write(path, clean).run("check");
        assertThat(quiet.out()).as(quiet.all()).isEmpty();
        assertThat(quiet.code()).isZero();
    }

    /** A clean repository: one recording rule, one alert and its complete runbook. */
    static Repo base(Path root) throws IOException {
        return new Repo(root)
                .write("alertbook.yml", "checks: {disabled: [rule/no-runbook]}\n")
                .write("content/rules/db.yml", """
                        groups:
                          - name: db
                            rules:
                              - record: job:pg_up:max
                                expr: max by (job) (pg_up)
                              - alert: DbDown
                                expr: job:pg_up:max == 0
                                for: 5m
                                labels:
                                  severity: critical
                                annotations:
                                  summary: Database is down
                                  description: No database answers.
                        """)
                .write(RUNBOOK, runbookWith("Database down", "## Impact\n\nNo orders.\n\n## Diagnosis\n\nLook.\n"));
    }

    static String runbookWith(String title, String sections) {
        String body = sections.contains("## Impact") ? sections : sections + "\n## Impact\n\nNo orders.\n\n## Diagnosis\n\nLook.\n";
        return "---\ntitle: " + title + "\n---\n\n## Meaning\n\nThe database is down.\n\n" + body
                + "\n## Mitigation\n\nRestart it.\n";
    }

    /** A rule file with one alert that has everything the base configuration requires. */
    static String alert(String expr, String... more) {
        String forLine = more.length > 0 && more[0].startsWith("for:") ? more[0] : "for: 5m";
        return rules("alert: Extra", "expr: " + expr, forLine, "labels: {severity: page}", "annotations: {summary: s, description: d}");
    }

    /** An alert whose summary is {@code summary}; the check for an aggregation dropping a label it reads. */
    static String summaryOf(String expr, String summary) {
        return rules("alert: Extra", "expr: " + expr, "for: 5m", "labels: {severity: page}",
                "annotations: {summary: \"" + summary + "\", description: d}");
    }

    /** An alert in a group evaluated every minute. */
    static String everyMinute(String forLine) {
        return "groups:\n  - name: extra\n    interval: 1m\n    rules:\n      - alert: Extra\n        expr: up == 0\n        "
                + forLine + "\n        labels: {severity: page}\n        annotations: {summary: s, description: d}\n";
    }

    static String dbDown(String severity) {
        return rules("alert: DbDown", "expr: job:pg_up:max == 0", "for: 5m", "labels: {severity: " + severity + "}",
                "annotations: {summary: s, description: d}");
    }

    static String rules(String... lines) {
        return "groups:\n  - name: extra\n    rules:\n      - " + String.join("\n        ", lines) + "\n";
    }

    static Arguments rule(String checkId, String faulty, String clean) {
        return Arguments.of(checkId, RULE_FILE, faulty, clean);
    }

    static Arguments runbook(String checkId, String faulty, String clean) {
        return Arguments.of(checkId, RUNBOOK, faulty, clean);
    }
}
