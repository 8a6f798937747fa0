package dev.alertbook.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.promql.ParseOptions;
import dev.alertbook.promql.ResultLabels;
import dev.alertbook.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Annotations as a runbook page shows them: expanded with placeholders for what is known only when it fires. */
class ExampleRenderingTest {

    private static Rule rule(String annotations) {
        return rule("sum by (instance, device) (node_filesystem_avail_bytes) < 1e9", annotations);
    }

    private static Rule rule(String expr, String annotations) {
        String yaml = """
                groups:
                  - name: g
                    rules:
                      - alert: DiskFull
                        expr: %s
                        annotations:
                """.formatted(expr) + annotations.indent(10);
        return RuleFileLoader.load(new SourceFile(Path.of("r.yml"), "r.yml", yaml), new Diagnostics())
                .orElseThrow().alerts().findFirst().orElseThrow();
    }

    @Test
    void labelsAndValueBecomePlaceholders() {
        Rule rule = rule("""
                summary: "Disk {{ $labels.device }} on {{ .Labels.instance }} has {{ $value | humanize1024 }}B left"
                percent: '{{ printf "%.1f" $value }}% ({{ humanizePercentage $value }})'
                """);
        Map<String, ExampleRendering.Example> examples = ExampleRendering.annotations(rule, OutputLabels.UNKNOWN);
        assertThat(examples.get("summary").text()).isEqualTo("Disk <device> on <instance> has <value>B left");
        assertThat(examples.get("percent").text()).isEqualTo("<value>% (<value>)");
        assertThat(examples.get("summary").note()).isEmpty();
    }

    @Test
    void knownOutputLabelsDecideWhatIsSet() {
        Rule rule = rule("""
                summary: "{{ $labels.instance }}/{{ $labels.pod }}/{{ $labels }}"
                """);
        OutputLabels byInstance = r -> ResultLabels.exactly(List.of("instance"));
        assertThat(ExampleRendering.annotations(rule, byInstance).get("summary").text())
                .as("a label the expression cannot produce expands to nothing, as in Prometheus")
                .isEqualTo("<instance>//map[instance:<instance>]");
    }

    @Test
    void inferredLabelsArePlaceholdersOnlyWhereTheExpressionCanProduceThem() {
        Rule rule = rule("""
                summary: "{{ $labels.instance }}/{{ $labels.job }}/{{ $labels }}"
                """);
        assertThat(ExampleRendering.annotations(rule, OutputLabels.inferred(Expressions.NONE, ParseOptions.PROMETHEUS)).get("summary").text())
                .as("sum by (instance, device) drops job")
                .isEqualTo("<instance>//map[device:<device> instance:<instance>]");
        Rule selector = rule("node_filesystem_avail_bytes{device=\"sda\"} < 1e9", """
                summary: "{{ $labels.instance }}/{{ $labels.job }}/{{ $labels }}"
                """);
        assertThat(ExampleRendering.annotations(selector, OutputLabels.inferred(Expressions.NONE, ParseOptions.PROMETHEUS)).get("summary").text())
                .as("a selector keeps whatever labels its series have")
                .isEqualTo("<instance>/<job>/map[__name__:<__name__> device:<device> instance:<instance> job:<job>]");
    }

    @Test
    void templatesThatCannotBeShownKeepTheirTextAndSayWhy() {
        Rule rule = rule("""
                q: '{{ with query "up" }}{{ . | first | value }}{{ end }}'
                cmp: '{{ if gt $value 80.0 }}high{{ end }}'
                bad: '{{ humanise $value }}'
                """);
        Map<String, ExampleRendering.Example> examples = ExampleRendering.annotations(rule, OutputLabels.UNKNOWN);
        assertThat(examples.get("q")).isEqualTo(new ExampleRendering.Example(
                "{{ with query \"up\" }}{{ . | first | value }}{{ end }}", "uses query, which runs only in rule unit tests"));
        assertThat(examples.get("cmp").note()).isEqualTo("needs a real value to expand");
        assertThat(examples.get("bad").note()).isEqualTo("does not parse");
    }
}
