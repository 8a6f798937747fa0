package dev.alertbook.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.rules.Rule;
import dev.alertbook.rules.RuleFileLoader;
import dev.alertbook.source.SourceFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Annotations as a runbook page shows them: expanded with placeholders for what is known only when it fires. */
class ExampleRenderingTest {

    private static Rule rule(String annotations) {
        String yaml = """
                groups:
                  - name: g
                    rules:
                      - alert: DiskFull
                        expr: sum by (instance, device) (node_filesystem_avail_bytes) < 1e9
                        annotations:
                """ + annotations.indent(10);
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
        OutputLabels byInstance = r -> Optional.of(Set.of("instance"));
        assertThat(ExampleRendering.annotations(rule, byInstance).get("summary").text())
                .as("a label the expression cannot produce expands to nothing, as in Prometheus")
                .isEqualTo("<instance>//map[instance:<instance>]");
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
                "{{ with query \"up\" }}{{ . | first | value }}{{ end }}", "uses query, which alertbook cannot run yet"));
        assertThat(examples.get("cmp").note()).isEqualTo("needs a real value to expand");
        assertThat(examples.get("bad").note()).isEqualTo("does not parse");
    }
}
