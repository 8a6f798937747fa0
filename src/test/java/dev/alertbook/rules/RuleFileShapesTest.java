package dev.alertbook.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.source.Position;
import org.junit.jupiter.api.Test;

/** The three input shapes, and inputs that are not rule files at all. */
class RuleFileShapesTest {

    @Test
    void plainFile() {
        RuleFile file = Loaded.text("a.yml", "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n").rules();
        assertThat(file.shape()).isEqualTo(RuleFileShape.PLAIN);
        assertThat(file.alerts()).extracting(Rule::name).containsExactly("A");
    }

    @Test
    void multiDocumentFileMixesRuleFilesAndPrometheusRules() {
        Loaded loaded = Loaded.text("m.yml", """
                groups:
                  - name: one
                    rules:
                      - alert: A
                        expr: up == 0
                ---
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: two
                  labels: {team: x}
                spec:
                  groups:
                    - name: one
                      partial_response_strategy: warn
                      rules:
                        - alert: A
                          expr: up == 0
                ---
                """);
        assertThat(loaded.diagnostics()).as("group names and duplicates count per document").isEmpty();
        RuleFile file = loaded.rules();
        assertThat(file.shape()).isEqualTo(RuleFileShape.MULTI_DOCUMENT);
        assertThat(file.groups()).extracting(RuleGroup::name).containsExactly("one", "one");
        assertThat(file.alerts()).extracting(rule -> rule.position().line()).containsExactly(4, 17);
    }

    @Test
    void prometheusRuleObject() {
        Loaded loaded = Loaded.text("k.yml", """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: example
                  annotations: {anything: goes}
                spec:
                  groups:
                    - name: g
                      rules:
                        - alert: A
                          expr: up == 0
                          severity: page
                """);
        assertThat(loaded.rules().shape()).isEqualTo(RuleFileShape.PROMETHEUS_RULE);
        assertThat(loaded.rules().alerts()).hasSize(1);
        assertThat(loaded.summary()).as("unknown keys inside spec.groups are errors")
                .containsExactly("12:11 " + "rule/unknown-field");
        assertThat(loaded.only("rule/unknown-field").message())
                .startsWith("field severity not found in type rulefmt.Rule; ");
    }

    @Test
    void prometheusRuleSpecTakesOnlyGroups() {
        Loaded loaded = Loaded.text("k.yml", "kind: PrometheusRule\nspec:\n  rules: []\n");
        assertThat(loaded.only("rule/unknown-field").message())
                .startsWith("field rules not found in type v1.PrometheusRuleSpec; ");
        assertThat(loaded.rules().groups()).isEmpty();
    }

    /** Prometheus loads them as no groups, so they are warnings, not errors. */
    @Test
    void emptyAndCommentOnlyFilesAreZeroGroupsAndAWarning() {
        for (String text : new String[] {"", "# only a comment\n\n  # another\n", "---\n"}) {
            Loaded loaded = Loaded.text("e.yml", text);
            assertThat(loaded.rules().groups()).isEmpty();
            assertThat(loaded.errors()).isEmpty();
            assertThat(loaded.warnings()).extracting(Diagnostic::checkId).containsExactly("rule/empty-file");
            assertThat(loaded.only("rule/empty-file").position()).isEqualTo(Position.START);
        }
    }

    /** Prometheus processes only the first document; the later plain ones are read but flagged. */
    @Test
    void laterPlainDocumentsAreReadWithAWarningThatPrometheusSkipsThem() {
        Loaded loaded = Loaded.text("m.yml", """
                groups:
                  - name: one
                    rules:
                      - alert: A
                        expr: up == 0
                ---
                groups:
                  - name: two
                    rules:
                      - alert: B
                        expr: up == 0
                ---
                kind: PrometheusRule
                spec:
                  groups:
                    - name: three
                      rules:
                        - alert: C
                          expr: up == 0
                """);
        assertThat(loaded.summary()).containsExactly("7:1 " + "rule/ignored-document");
        assertThat(loaded.only("rule/ignored-document").message()).isEqualTo("Multiple document yaml rules files are"
                + " not supported, only the first document is processed; Prometheus never loads the rules of this"
                + " document; move its groups into the first document or into a file of their own");
        assertThat(loaded.rules().alerts()).extracting(Rule::name).containsExactly("A", "B", "C");
    }

    @Test
    void listOrScalarAtTheTopIsNotARuleFile() {
        Loaded list = Loaded.text("l.yml", "- name: g\n  rules: []\n");
        assertThat(list.file()).isEmpty();
        assertThat(list.only("rule/not-a-mapping").message())
                .isEqualTo("cannot unmarshal !!seq into rulefmt.RuleGroups; a rule file must be a mapping with a `groups:` list");

        Loaded scalar = Loaded.text("s.yml", "just some text here\n");
        assertThat(scalar.file()).isEmpty();
        assertThat(scalar.only("rule/not-a-mapping").message())
                .startsWith("cannot unmarshal !!str `just so...` into rulefmt.RuleGroups; a rule file must be a mapping");
    }

    @Test
    void oneBadDocumentDoesNotHideTheOthers() {
        Loaded loaded = Loaded.text("m.yml", "- 1\n---\ngroups:\n  - name: g\n    rules:\n      - record: r\n        expr: 1\n");
        assertThat(loaded.only("rule/not-a-mapping").position()).isEqualTo(Position.START);
        assertThat(loaded.rules().rules()).extracting(Rule::name).containsExactly("r");
    }

    @Test
    void tabIndentationIsAYamlSyntaxError() {
        Loaded loaded = Loaded.text("t.yml", "groups:\n\t- name: g\n");
        assertThat(loaded.file()).isEmpty();
        assertThat(loaded.only("yaml/syntax").position().line()).isEqualTo(2);
    }

    @Test
    void duplicateKeyIsReportedAndTheFirstValueKept() {
        Loaded loaded = Loaded.text("d.yml", "groups:\n  - name: g\n    rules:\n      - alert: A\n        alert: B\n        expr: 1\n");
        assertThat(loaded.only("yaml/duplicate-key").position()).isEqualTo(new Position(5, 9));
        assertThat(loaded.rules().rules()).extracting(Rule::name).containsExactly("A");
    }
}
