package dev.alertbook.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.diag.Severity;
import dev.alertbook.promql.ParseOptions;
import dev.alertbook.promql.ResultLabels;
import dev.alertbook.source.Position;
import dev.alertbook.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The template checks on inline rule files: ids, messages, and positions inside YAML scalars. */
class TemplateChecksTest {

    private static final String HEAD = """
            groups:
              - name: g
                rules:
                  - alert: HostDown
                    expr: sum by (job, instance) (up == 0)
            """;

    /** A rule's fields below the alert and expr of {@link #HEAD}. */
    private static String fields(String text) {
        int margin = text.lines().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return text.lines().map(l -> " ".repeat(8) + l.substring(Math.min(margin, l.length())) + "\n")
                .collect(java.util.stream.Collectors.joining());
    }

    private static RuleFile file(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        RuleFile file = RuleFileLoader.load(new SourceFile(Path.of("r.yml"), "r.yml", yaml), diagnostics).orElseThrow();
        assertThat(diagnostics.sorted()).as("the YAML itself is fine").isEmpty();
        return file;
    }

    private static List<Diagnostic> check(String yaml, OutputLabels outputs) {
        Diagnostics diagnostics = new Diagnostics();
        TemplateChecks.check(List.of(file(yaml)), outputs, diagnostics);
        return diagnostics.sorted();
    }

    private static List<Diagnostic> check(String yaml) {
        return check(yaml, OutputLabels.UNKNOWN);
    }

    /** Where {@code marker} first appears in {@code text}, after {@code after}. */
    private static Position at(String text, String after, String marker) {
        int offset = text.indexOf(marker, text.indexOf(after));
        assertThat(offset).as(marker).isNotNegative();
        return new SourceFile(Path.of("x"), "x", text).positionOf(offset);
    }

    @Test
    void undefinedFunctionInLiteralBlockScalarPointsAtTheName() {
        String yaml = HEAD + fields("""
                    annotations:
                      summary: |
                        Instance {{ $labels.instance }}
                        is {{ humanise $value }} down
                """);
        Diagnostic d = check(yaml).get(0);
        assertThat(d.checkId()).isEqualTo("template/undefined");
        assertThat(d.severity()).isEqualTo(Severity.ERROR);
        assertThat(d.position()).isEqualTo(at(yaml, "summary", "humanise"));
        assertThat(d.message()).startsWith(
                "annotation \"summary\": template: __alert_HostDown:2: function \"humanise\" not defined; ");
    }

    @Test
    void undefinedVariableInFoldedScalarReadsLikePromtool() {
        String yaml = HEAD + fields("""
                    annotations:
                      description: >
                        folded text
                        on {{ $label.foo }}
                """);
        Diagnostic d = check(yaml).get(0);
        assertThat(d.checkId()).isEqualTo("template/undefined");
        assertThat(d.position()).isEqualTo(at(yaml, "description", "$label.foo"));
        assertThat(d.message()).startsWith("annotation \"description\": template: __alert_HostDown:1: "
                + "undefined variable \"$label\"");
    }

    @Test
    void syntaxErrorInDoubleQuotedScalarWithEscapes() {
        String yaml = HEAD + fields("""
                    labels:
                      team: "a\\tb \\"c\\" {{ if }}"
                """);
        Diagnostic d = check(yaml).get(0);
        assertThat(d.checkId()).isEqualTo("template/syntax");
        assertThat(d.message()).startsWith("label \"team\": template: __alert_HostDown:1: missing value for if");
        // The error is at the right delimiter after "if", which the escapes before it push right.
        assertThat(d.position()).isEqualTo(at(yaml, "team", "}}\""));
    }

    @Test
    void syntaxErrorInSingleQuotedScalar() {
        String yaml = HEAD + fields("""
                    annotations:
                      summary: 'it''s {{ .Labels.x | 3 }}'
                """);
        Diagnostic d = check(yaml).get(0);
        assertThat(d.checkId()).isEqualTo("template/syntax");
        assertThat(d.message()).contains("non executable command in pipeline stage 2");
        assertThat(d.position().line()).isEqualTo(at(yaml, "summary", "3 }}").line());
    }

    @Test
    void runTimeFailureIsAWarningNotACrash() {
        String yaml = HEAD + fields("""
                    annotations:
                      summary: |-
                        first line
                          {{ index $labels 5 }}
                """);
        Diagnostic d = check(yaml).get(0);
        assertThat(d.checkId()).isEqualTo("template/runtime");
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.position()).isEqualTo(at(yaml, "summary", "index"));
        assertThat(d.message()).contains("executing \"__alert_HostDown\" at <index $labels 5>: "
                + "error calling index: value has type int; should be string");
    }

    @Test
    void comparingTheValueWithAnIntegerFailsAsInPrometheus() {
        String yaml = HEAD + fields("""
                    annotations:
                      summary: '{{ if gt $value 80 }}high{{ end }}'
                """);
        assertThat(check(yaml)).singleElement().satisfies(d -> {
            assertThat(d.checkId()).isEqualTo("template/runtime");
            assertThat(d.message()).contains("error calling gt: incompatible types for comparison");
        });
        assertThat(check(yaml.replace("80", "80.0"))).isEmpty();
    }

    @Test
    void labelPlaceholdersThatAreNotNumbersAreNoRunTimeFailure() {
        String yaml = HEAD + fields("""
                    annotations:
                      summary: 'bucket {{ $labels.le | humanize }}, {{ $labels.window | parseDuration }}'
                """);
        assertThat(check(yaml)).as("<le> and <window> stand for values known when the alert fires").isEmpty();

        String alsoBroken = yaml.replace("}}'", "}} {{ index $labels 5 }}'");
        assertThat(check(alsoBroken)).singleElement().satisfies(d -> {
            assertThat(d.checkId()).isEqualTo("template/runtime");
            assertThat(d.position()).isEqualTo(at(alsoBroken, "summary", "index"));
        });
        assertThat(check(yaml.replace("$labels.le", "\"fast\""))).as("a literal is no placeholder").singleElement()
                .satisfies(d -> assertThat(d.message()).contains("error calling humanize"));
    }

    @Test
    void templatesThatCallQueryAreCheckedButNotRun() {
        String yaml = HEAD + fields("""
                    annotations:
                      summary: '{{ with query "up" }}{{ . | first | value }}{{ end }}'
                """);
        assertThat(check(yaml)).singleElement().satisfies(d -> {
            assertThat(d.checkId()).isEqualTo("template/query-not-run");
            assertThat(d.severity()).isEqualTo(Severity.INFO);
            assertThat(d.message()).isEqualTo("annotation \"summary\" calls query, so it was checked but not run, "
                    + "as there is nothing to query here; it runs in rule unit tests (alertbook test)");
        });
        assertThat(check(yaml.replace("query", "quer"))).singleElement()
                .satisfies(d -> assertThat(d.checkId()).isEqualTo("template/undefined"));
    }

    @Test
    void labelMissingWhenTheExpressionCannotProduceTheLabel() {
        String yaml = HEAD + fields("""
                    annotations:
                      summary: '{{ $labels.job }} {{ $labels.pod }} {{ index $labels "node" }}'
                """);
        OutputLabels byJobAndInstance = rule -> ResultLabels.exactly(List.of("job", "instance"));
        List<Diagnostic> found = check(yaml, byJobAndInstance);
        assertThat(found).extracting(Diagnostic::checkId).containsOnly("template/label-missing");
        assertThat(found).extracting(Diagnostic::position)
                .containsExactly(at(yaml, "summary", "pod"), at(yaml, "summary", "node"));
        assertThat(found.get(0).message()).contains("reads label \"pod\"");
        assertThat(check(yaml)).as("silent while the expression's labels are unknown").isEmpty();
    }

    @Test
    void inferredLabelsComeFromTheExpression() {
        String yaml = HEAD + fields("""
                    annotations:
                      summary: '{{ $labels.job }} {{ $labels.instance }} {{ $labels.pod }}'
                """);
        assertThat(check(yaml, OutputLabels.inferred(Expressions.NONE, ParseOptions.PROMETHEUS))).singleElement().satisfies(d -> {
            assertThat(d.checkId()).isEqualTo("template/label-missing");
            assertThat(d.position()).isEqualTo(at(yaml, "summary", "pod"));
        });
        assertThat(check(yaml.replace("sum by (job, instance) (up == 0)", "up == 0"), OutputLabels.inferred(Expressions.NONE, ParseOptions.PROMETHEUS)))
                .as("a selector's series can carry any label").isEmpty();
        assertThat(check(yaml.replace("sum by (job, instance) (up == 0)", "sum without (pod) (up == 0)"),
                OutputLabels.inferred(Expressions.NONE, ParseOptions.PROMETHEUS))).extracting(Diagnostic::position).containsExactly(at(yaml, "summary", "pod"));
        assertThat(check(yaml.replace("sum by (job, instance) (up == 0)", "sum by (job (up"), OutputLabels.inferred(Expressions.NONE, ParseOptions.PROMETHEUS)))
                .as("nothing is known about an expression that does not parse").isEmpty();
    }

    @Test
    void recordingRulesAreNotTemplated() {
        String yaml = """
                groups:
                  - name: g
                    rules:
                      - record: job:up:sum
                        expr: sum by (job) (up)
                        labels:
                          x: "{{ nope"
                """;
        assertThat(check(yaml)).isEmpty();
    }
}
