package dev.alertbook.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.source.Position;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every check id on a small input of its own: promtool's message, a fix, and a useful position. */
class RuleChecksTest {

    /** A file with one group {@code g} holding one rule, whose lines start at line 4, column 9. */
    private static Loaded rule(String... ruleLines) {
        StringBuilder yaml = new StringBuilder("groups:\n  - name: g\n    rules:\n");
        for (int i = 0; i < ruleLines.length; i++) {
            yaml.append(i == 0 ? "      - " : "        ").append(ruleLines[i]).append('\n');
        }
        return Loaded.text("r.yml", yaml.toString());
    }

    private static void assertFinding(Loaded loaded, String checkId, int line, int column, String message) {
        Diagnostic found = loaded.only(checkId);
        assertThat(found.position()).isEqualTo(new Position(line, column));
        assertThat(found.message()).startsWith(message + "; ");
        assertThat(found.message().length()).as("a fix follows").isGreaterThan(message.length() + 10);
    }

    @Test
    void unknownFieldSuggestsTheFieldMeant() {
        Loaded loaded = rule("alert: A", "expr: 1", "anotations: {}");
        assertFinding(loaded, "rule/unknown-field", 6, 9, "field anotations not found in type rulefmt.Rule");
        assertThat(loaded.only("rule/unknown-field").message()).contains("did you mean annotations?");
    }

    @Test
    void unknownTopLevelField() {
        assertFinding(Loaded.text("r.yml", "group:\n  - name: g\n"), "rule/unknown-field", 1, 1,
                "field group not found in type rulefmt.RuleGroups");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "expr: [a, b]       | 5 | 15 | cannot unmarshal !!seq into string",
            "labels: [a]        | 5 | 17 | cannot unmarshal !!seq into map[string]string",
            "labels: severe     | 5 | 17 | cannot unmarshal !!str `severe` into map[string]string",
            "labels: {a: {b: c}} | 5 | 21 | cannot unmarshal !!map into string",
            "for: {a: 1}        | 5 | 14 | cannot unmarshal !!map into string"})
    void wrongTypesUseGosMessage(String line, int atLine, int atColumn, String message) {
        assertFinding(ruleWith(line), "rule/wrong-type", atLine, atColumn, message);
    }

    private static Loaded ruleWith(String line) {
        return line.startsWith("expr") ? rule("alert: A", line) : rule("alert: A", line, "expr: '1'");
    }

    @Test
    void wrongTypesAtGroupLevel() {
        assertFinding(Loaded.text("r.yml", "groups: nope\n"), "rule/wrong-type", 1, 9,
                "cannot unmarshal !!str `nope` into []rulefmt.RuleGroup");
        assertFinding(Loaded.text("r.yml", "groups:\n  - name: g\n    rules: {}\n"), "rule/wrong-type", 3, 12,
                "cannot unmarshal !!map into []rulefmt.Rule");
        assertFinding(Loaded.text("r.yml", "groups:\n  - name: g\n    limit: ten\n"), "rule/wrong-type", 3, 12,
                "cannot unmarshal !!str `ten` into int");
        assertFinding(Loaded.text("r.yml", "groups:\n  - just a string\n"), "rule/wrong-type", 2, 5,
                "cannot unmarshal !!str `just a ...` into rulefmt.RuleGroup");
    }

    @Test
    void limitTakesGoIntegers() {
        RuleFile file = Loaded.text("r.yml", "groups:\n  - name: a\n    limit: 0x10\n  - name: b\n    limit: 1_000\n  - name: c\n    limit: 2.9\n").rules();
        assertThat(file.groups()).extracting(group -> group.limit().orElseThrow()).containsExactly(16, 1000, 2);
    }

    @Test
    void groupNameEmptyAndRepeated() {
        Loaded loaded = Loaded.text("r.yml", "groups:\n  - name: ''\n  - rules: []\n  - name: x\n  - name: x\n");
        assertThat(loaded.summary()).containsExactly(
                "2:5 " + "rule/group-name-empty",
                "3:5 " + "rule/group-name-empty",
                "3:5 " + "rule/group-name-repeated",
                "5:5 " + "rule/group-name-repeated");
        assertThat(loaded.errors().get(0).message()).startsWith("Groupname must not be empty; ");
        assertThat(loaded.errors().get(3).message()).startsWith("groupname: \"x\" is repeated in the same file; ");
    }

    @Test
    void invalidLabelNamesAndValues() {
        assertFinding(rule("alert: A", "expr: 1", "labels:", "  '': x"), "rule/invalid-label-name", 7, 11,
                "group \"g\", rule 1, \"A\": invalid label name: ");
        // A lone surrogate escape is the only way to write invalid UTF-8 in a YAML file.
        assertFinding(rule("alert: A", "expr: 1", "labels:", "  a: \"\\uD800\""), "rule/invalid-label-value", 7, 14,
                "group \"g\", rule 1, \"A\": invalid label value: \uD800");
        assertFinding(Loaded.text("r.yml", "groups:\n  - name: g\n    labels:\n      __name__: x\n"),
                "rule/invalid-label-name", 4, 7, "invalid label name: __name__");
        assertThat(rule("alert: A", "expr: 1", "labels:", "  ins-tance: x", "  ünïcödé: y").diagnostics())
                .as("UTF-8 names are valid in Prometheus 3").isEmpty();
    }

    @Test
    void alertAndRecordOrNeither() {
        assertFinding(rule("alert: A", "record: r", "expr: 1"), "rule/alert-and-record", 5, 17,
                "group \"g\", rule 1, \"A\": only one of 'record' and 'alert' must be set");
        assertFinding(rule("expr: 1", "labels: {a: b}"), "rule/no-alert-or-record", 4, 9,
                "group \"g\", rule 1, \"\": one of 'record' or 'alert' must be set");
        assertFinding(rule("expr: 1", "alert: ''"), "rule/no-alert-or-record", 5, 16,
                "group \"g\", rule 1, \"\": one of 'record' or 'alert' must be set");
    }

    @Test
    void exprMissingOrEmpty() {
        assertFinding(rule("alert: A"), "rule/expr-missing", 4, 9,
                "group \"g\", rule 1, \"A\": field 'expr' must be set in rule");
        Loaded empty = rule("alert: A", "expr: ''");
        assertFinding(empty, "rule/expr-missing", 5, 15, "group \"g\", rule 1, \"A\": field 'expr' must be set in rule");
        Rule kept = empty.rules().rules().findFirst().orElseThrow();
        assertThat(kept.expr()).as("the rule is still returned so its runbook links").isEmpty();
    }

    @Test
    void alertingFieldsInRecordingRule() {
        Loaded loaded = rule("record: r", "expr: 1", "for: 5m", "keep_firing_for: 1m", "annotations: {a: b}");
        assertThat(loaded.errors()).extracting(d -> d.message().substring(0, d.message().indexOf(';')))
                .containsExactlyInAnyOrder("group \"g\", rule 1, \"r\": invalid field 'annotations' in recording rule",
                        "group \"g\", rule 1, \"r\": invalid field 'for' in recording rule",
                        "group \"g\", rule 1, \"r\": invalid field 'keep_firing_for' in recording rule");
        assertThat(loaded.errors()).allSatisfy(d -> assertThat(d.checkId()).isEqualTo("rule/recording-field"));
        assertThat(rule("record: r", "expr: 1", "for: 0s", "keep_firing_for: 0").diagnostics())
                .as("a zero duration is the same as none").isEmpty();
    }

    @Test
    void recordingRuleNames() {
        assertFinding(rule("record: \"bad\\uDC00\"", "expr: 1"), "rule/invalid-record-name", 4, 17,
                "group \"g\", rule 1, \"bad\\udc00\": invalid recording rule name: bad\uDC00");
        assertFinding(rule("record: up{job=\"x\"}", "expr: 1"), "rule/record-name-braces", 4, 17,
                "group \"g\", rule 1, \"up{job=\\\"x\\\"}\": braces present in the recording rule name; should it be in expr?: up{job=\"x\"}");
    }

    @Test
    void ruleErrorsNameTheGroupAndTheRuleByItsPlaceInTheList() {
        Loaded loaded = Loaded.text("r.yml", """
                groups:
                  - name: db "main"
                    rules:
                      - alert: A
                        expr: 1
                      - not a rule
                      - record: r
                        expr: 1
                        for: 5m
                """);
        assertThat(loaded.only("rule/recording-field").message())
                .startsWith("group \"db \\\"main\\\"\", rule 3, \"r\": invalid field 'for' in recording rule; ");
        assertThat(loaded.only("rule/wrong-type").message()).as("a YAML decoding error has no prefix in promtool")
                .startsWith("cannot unmarshal !!str `not a rule` into rulefmt.Rule; ");
    }

    @Test
    void annotationNames() {
        assertFinding(rule("alert: A", "expr: 1", "annotations:", "  '': x"), "rule/invalid-annotation-name", 7, 11,
                "group \"g\", rule 1, \"A\": invalid annotation name: ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "for: 5x            | unknown unit \"x\" in duration \"5x\"",
            "for: 5             | not a valid duration string: \"5\"",
            "for: 1m1h          | not a valid duration string: \"1m1h\"",
            "for: -1m           | not a valid duration string: \"-1m\"",
            "for: ''            | empty duration string",
            "for: 300000y       | duration out of range",
            "keep_firing_for: 1.5m | unknown unit \".\" in duration \"1.5m\""})
    void invalidDurations(String line, String message) {
        assertFinding(rule("alert: A", "expr: 1", line), "rule/invalid-duration", 6, line.indexOf(':') + 11, message);
    }

    @Test
    void validDurationsAreKeptAsWritten() {
        Loaded loaded = Loaded.text("r.yml", """
                groups:
                  - name: g
                    interval: 1h30m
                    query_offset: 0
                    rules:
                      - alert: A
                        expr: 1
                        for: 1y2w3d4h5m6s7ms
                        keep_firing_for: ~
                """);
        assertThat(loaded.diagnostics()).isEmpty();
        RuleGroup group = loaded.rules().groups().get(0);
        assertThat(group.interval()).contains("1h30m");
        assertThat(group.queryOffset()).contains("0");
        assertThat(group.rules().get(0).forDuration()).contains("1y2w3d4h5m6s7ms");
        assertThat(group.rules().get(0).keepFiringFor()).isEmpty();
        assertFinding(Loaded.text("r.yml", "groups:\n  - name: g\n    interval: 1 minute\n"),
                "rule/invalid-duration", 3, 15, "unknown unit \" minute\" in duration \"1 minute\"");
    }

    @Test
    void duplicatesMergeGroupLabelsAndIgnoreExpressions() {
        Loaded loaded = Loaded.text("r.yml", """
                groups:
                  - name: a
                    labels: {team: x}
                    rules:
                      - alert: A
                        expr: up == 0
                  - name: b
                    rules:
                      - alert: A
                        expr: up == 1
                        labels: {team: x}
                      - alert: A
                        expr: up == 1
                        labels: {team: y}
                """);
        assertThat(loaded.summary()).containsExactly("9:9 " + "rule/duplicate");
        assertThat(loaded.warnings().get(0).message()).startsWith(
                "lint error 1 duplicate rule(s) found. Metric: A Label(s): team: x Might cause inconsistency while recording expressions; ")
                .contains("line(s) 5");
    }

    @Test
    void duplicateLintWaitsForAFileWithoutErrors() {
        assertThat(rule("alert: A", "expr: 1", "bogus: 1").summary()).doesNotContain("4:9 " + "rule/duplicate");
        Loaded withError = Loaded.text("r.yml", "groups:\n  - name: g\n    rules:\n      - {alert: A, expr: 1}\n      - {alert: A, expr: 1, x: 1}\n");
        assertThat(withError.summary()).containsExactly("5:29 " + "rule/unknown-field");
    }
}
