package dev.alertbook.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.source.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Prometheus's own rulefmt fixtures give the outcomes the reference table gives for Prometheus
 * 3.x (UTF-8 name validation): promtool's message and position, or no error at all.
 */
class RulefmtCorpusTest {

    /** file → check id, position, promtool's message; a null id means "no error". */
    private static final Map<String, Expected> EXPECTED = Map.ofEntries(
            Map.entry("bad_field.bad.yaml", new Expected("rule/unknown-field", 8, 9,
                    "field annotation not found in type rulefmt.Rule")),
            Map.entry("duplicate_grp.bad.yaml", new Expected("rule/group-name-repeated", 3, 5,
                    "groupname: \"yolo\" is repeated in the same file")),
            // promtool names no position for label errors; we point at the label's name.
            Map.entry("invalid_label_name.bad.yaml", new Expected("rule/invalid-label-name", 7, 11,
                    "group \"yolo\", rule 1, \"hola\": invalid label name: __name__")),
            Map.entry("invalid_record_name.bad.yaml", new Expected("rule/record-name-braces", 4, 17,
                    "group \"yolo\", rule 1, \"strawberry{flavor=\\\"sweet\\\"}\": braces present in the recording rule name;"
                            + " should it be in expr?: strawberry{flavor=\"sweet\"}")),
            // promtool prints 0:0 for the missing fields; we point at the rule's first key.
            Map.entry("no_rec_alert.bad.yaml", new Expected("rule/no-alert-or-record", 4, 9,
                    "group \"yolo\", rule 1, \"\": one of 'record' or 'alert' must be set")),
            Map.entry("noexpr.bad.yaml", new Expected("rule/expr-missing", 4, 9,
                    "group \"yolo\", rule 1, \"ylo\": field 'expr' must be set in rule")),
            Map.entry("record_and_alert.bad.yaml", new Expected("rule/alert-and-record", 4, 17,
                    "group \"yolo\", rule 1, \"Hello\": only one of 'record' and 'alert' must be set")),
            Map.entry("record_and_for.bad.yaml", new Expected("rule/recording-field", 4, 17,
                    "group \"yolo\", rule 1, \"Hello\": invalid field 'for' in recording rule")),
            Map.entry("record_and_keep_firing_for.bad.yaml", new Expected("rule/recording-field", 4, 17,
                    "group \"yolo\", rule 1, \"Hello\": invalid field 'keep_firing_for' in recording rule")),
            // Only a PromQL parse error, which the promql package reports: no schema error here.
            Map.entry("bad_expr.bad.yaml", Expected.CLEAN),
            // Fails only under legacy name validation; Prometheus 3.x uses UTF-8.
            Map.entry("legacy_validation_annotation.bad.yaml", Expected.CLEAN),
            Map.entry("legacy_validation_annotation.good.yaml", Expected.CLEAN),
            Map.entry("test.yaml", Expected.CLEAN),
            Map.entry("test_aliases.yaml", Expected.CLEAN),
            Map.entry("utf-8_annotation.good.yaml", Expected.CLEAN),
            Map.entry("utf-8_lname.good.yaml", Expected.CLEAN));

    private record Expected(String checkId, int line, int column, String message) {
        static final Expected CLEAN = new Expected(null, 0, 0, null);
    }

    static Stream<Arguments> files() {
        return EXPECTED.keySet().stream().sorted().map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("files")
    void givesPromtoolsOutcome(String file) {
        Loaded loaded = Loaded.corpus("rulefmt/" + file);
        Expected expected = EXPECTED.get(file);
        assertThat(loaded.file()).as("a rule file is returned").isPresent();
        if (expected.checkId() == null) {
            assertThat(loaded.errors()).isEmpty();
            return;
        }
        assertThat(loaded.errors()).hasSize(1);
        Diagnostic error = loaded.errors().get(0);
        assertThat(error.checkId()).isEqualTo(expected.checkId());
        assertThat(error.position()).isEqualTo(new Position(expected.line(), expected.column()));
        assertThat(error.message()).startsWith(expected.message() + "; ");
    }

    @Test
    void everyFixtureHasAnExpectation() throws IOException {
        try (Stream<Path> files = Files.list(Loaded.CORPUS.resolve("rulefmt"))) {
            assertThat(files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".yaml")))
                    .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        }
    }

    @Test
    void badExprKeepsItsExpressionForThePromqlCheck() {
        // The parse error itself ("could not parse expression: 1:6: parse error: ...") needs the
        // PromQL parser, which is not part of this package; here the rule must reach it intact.
        Rule rule = Loaded.corpus("rulefmt/bad_expr.bad.yaml").rules().rules().findFirst().orElseThrow();
        assertThat(rule.expr()).isEqualTo("rate(hi)");
        assertThat(rule.exprPosition()).isEqualTo(new Position(5, 15));
    }

    @Test
    void recordNameWithBracesIsNotAnInvalidNameUnderUtf8() {
        assertThat(Loaded.corpus("rulefmt/invalid_record_name.bad.yaml").summary())
                .containsExactly("4:17 " + "rule/record-name-braces");
    }

    @Test
    void duplicateLintMatchesPromtoolsKeys() {
        // test.yaml repeats HighErrors{severity="critical"} four times: one finding.
        assertThat(Loaded.corpus("rulefmt/test.yaml").summary()).containsExactly("26:9 " + "rule/duplicate");
        // test_aliases.yaml: HighAlert and (through the merge key) HighAlert2, both with severity.
        assertThat(Loaded.corpus("rulefmt/test_aliases.yaml").summary())
                .containsExactly("24:9 " + "rule/duplicate", "56:9 " + "rule/duplicate");
    }

    @Test
    void aliasesAndMergeKeysResolveLikeYamlV3() {
        List<Rule> rules = Loaded.corpus("rulefmt/test_aliases.yaml").rules().rules().toList();
        assertThat(rules).extracting(Rule::name).containsExactly(
                "HighAlert", "new_metric", "HighAlert", "HighAlert2", "HighAlert", "new_metric", "HighAlert", "HighAlert2");
        Rule merged = rules.get(3);
        assertThat(merged.expr()).startsWith("sum without(instance) (rate(errors_total[5m]))");
        assertThat(merged.forDuration()).contains("5m");
        assertThat(merged.labels()).containsExactly(Map.entry("severity", "critical"));
        assertThat(merged.yaml()).isEqualTo("<<: *highalert\nalert: HighAlert2\n");
    }
}
