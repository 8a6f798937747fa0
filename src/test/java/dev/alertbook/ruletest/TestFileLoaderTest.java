package dev.alertbook.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.diag.Severity;
import dev.alertbook.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test-file loader: promtool's defaults and strictness, every problem at its position. */
class TestFileLoaderTest {

    @TempDir
    Path dir;

    Diagnostics diagnostics = new Diagnostics();

    private Optional<TestFile> load(String yaml) {
        return TestFileLoader.load(new SourceFile(dir.resolve("t.yml"), "t.yml", yaml), diagnostics);
    }

    private List<String> problems() {
        return diagnostics.sorted().stream().map(Diagnostic::format).toList();
    }

    @Test
    void defaultsFollowPromtool() throws IOException {
        Files.writeString(dir.resolve("r.yml"), "groups: []\n");
        TestFile file = load("""
                rule_files: [r.yml]
                tests:
                  - input_series:
                      - series: 'up{job="a"}'
                        values: 1+1x2 _ stale
                    alert_rule_test:
                      - alertname: A
                        exp_alerts:
                          - {}
                """).orElseThrow();
        assertThat(file.evaluationIntervalMillis()).isEqualTo(60_000);
        assertThat(file.ruleFiles()).containsExactly(dir.resolve("r.yml"));
        TestGroup group = file.groups().get(0);
        assertThat(group.intervalMillis()).isEqualTo(60_000);
        assertThat(group.displayName()).isEqualTo("unnamed#0");
        assertThat(group.inputSeries().get(0).line().values()).hasSize(5).startsWith(1.0, 2.0, 3.0, null);
        assertThat(group.alertTests().get(0).expected().get(0).labels()).containsEntry("alertname", "A").hasSize(1);
        assertThat(problems()).isEmpty();
    }

    @Test
    void bareNumberValuesKeepTheirText() {
        TestFile file = load("tests:\n  - input_series:\n      - series: a\n        values: 3.0000000000000004\n").orElseThrow();
        assertThat(file.groups().get(0).inputSeries().get(0).line().values()).containsExactly(3.0000000000000004);
    }

    @Test
    void startTimestampIsSecondsOrRfc3339() {
        TestFile file = load("tests:\n  - start_timestamp: 60\n  - start_timestamp: '2024-01-01T00:00:00Z'\n").orElseThrow();
        assertThat(file.groups()).extracting(TestGroup::startMillis).containsExactly(60_000L, 1_704_067_200_000L);
    }

    @Test
    void unknownAndDuplicateKeysAreErrors() {
        assertThat(load("tests:\n  - name: a\n    intervall: 1m\n    name: b\n")).isEmpty();
        assertThat(problems()).containsExactly(
                "t.yml:3:5: error: field intervall not found in type main.testGroup [test/unknown-field]",
                "t.yml:4:5: error: mapping key \"name\" already defined at line 2; remove one of them [yaml/duplicate-key]");
    }

    @Test
    void badSeriesNotationIsPositioned() {
        assertThat(load("tests:\n  - input_series:\n      - series: 'up{job=\"x\"'\n        values: 1\n")).isEmpty();
        assertThat(problems()).singleElement().asString().startsWith("t.yml:3:17: error: bad input series").endsWith("[test/bad-series]");
    }

    @Test
    void badDurationAndMissingAlertname() {
        assertThat(load("evaluation_interval: 1x\ntests:\n  - name: g\n    alert_rule_test:\n      - eval_time: 5m\n")).isEmpty();
        assertThat(problems()).containsExactly(
                "t.yml:1:22: error: unknown unit \"x\" in duration \"1x\" [test/bad-duration]",
                "t.yml:5:9: error: an item under alert_rule_test misses required attribute alertname at eval_time 5m (in TestGroup g) [test/missing-alertname]");
    }

    @Test
    void unquotedNanIsAStringAsInYamlV2() {
        assertThat(load("tests:\n  - promql_expr_test:\n      - expr: x\n        exp_samples:\n          - value: NaN\n")).isEmpty();
        assertThat(problems()).singleElement().asString().contains("cannot unmarshal !!str `NaN` into float64");
    }

    @Test
    void repeatedGroupInEvalOrder() {
        assertThat(load("group_eval_order: [a, b, a]\n")).isEmpty();
        assertThat(problems()).singleElement().asString().contains("group name repeated in evaluation order: a");
    }

    @Test
    void globWithoutMatchIsOnlyAWarning() {
        TestFile file = load("rule_files:\n  - missing/*.yml\n  - nothing.yml\n").orElseThrow();
        assertThat(file.ruleFiles()).isEmpty();
        assertThat(diagnostics.sorted()).extracting(Diagnostic::severity).containsOnly(Severity.WARNING);
        assertThat(problems()).containsExactly(
                "t.yml:2:5: warning: no file match pattern missing/*.yml [test/missing-rule-file]",
                "t.yml:3:5: warning: no file match pattern nothing.yml [test/missing-rule-file]");
    }

    @Test
    void globsMatchFolderByFolderAsGoDoes() throws IOException {
        for (String file : List.of("rules/db/a.yml", "rules/db/b.yaml", "rules/web/c.yml", "rules/web/.d.yml", "rules/x.yml",
                "rules/web/[e].yml")) {
            Files.createDirectories(dir.resolve(file).getParent());
            Files.writeString(dir.resolve(file), "groups: []\n");
        }

        assertThat(RuleFileGlobs.matches(dir, "rules/*/*.yml")).containsExactly(dir.resolve("rules/db/a.yml"),
                dir.resolve("rules/web/.d.yml"), dir.resolve("rules/web/[e].yml"), dir.resolve("rules/web/c.yml"));
        assertThat(RuleFileGlobs.matches(dir, "rules/[a-d]*/?.y*ml")).containsExactly(dir.resolve("rules/db/a.yml"),
                dir.resolve("rules/db/b.yaml"));
        assertThat(RuleFileGlobs.matches(dir, "rules/[^d]*/*")).containsExactly(dir.resolve("rules/web/.d.yml"),
                dir.resolve("rules/web/[e].yml"), dir.resolve("rules/web/c.yml"));
        assertThat(RuleFileGlobs.matches(dir, "rules/web/\\[e].yml")).containsExactly(dir.resolve("rules/web/[e].yml"));
        assertThat(RuleFileGlobs.matches(dir.resolve("rules/db"), "../*.yml")).containsExactly(dir.resolve("rules/x.yml"));
        assertThat(RuleFileGlobs.matches(dir, "rules/[db/*.yml")).as("a malformed pattern matches nothing, as in Go").isEmpty();
    }

    @Test
    void notYamlOrNotAMappingNeverThrows() {
        assertThat(load("tests: [\n")).isEmpty();
        assertThat(load("- a\n")).isEmpty();
        assertThat(problems()).hasSize(2);
    }
}
