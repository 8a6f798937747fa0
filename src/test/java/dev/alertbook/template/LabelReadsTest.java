package dev.alertbook.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which labels of the firing sample a template reads, from its parse tree. */
class LabelReadsTest {

    private static LabelReads reads(String template) throws TemplateException {
        return AlertTemplate.parse("X", template).labelReads();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "{{ $labels.instance }};instance;false",
        "{{ .Labels.job }} {{ $.Labels.pod }};job,pod;false",
        "{{ index $labels \"node\" }} {{ index .Labels \"zone\" }};node,zone;false",
        "{{ if $labels.a }}{{ $labels.b }}{{ end }};a,b;false",
        "{{ with $labels.a }}{{ .Labels.x }}{{ end }};a;false",
        "{{ range query \"up\" }}{{ .Labels.instance }}{{ end }};'';false",
        "{{ $labels }};'';true",
        "{{ range $k, $v := $labels }}{{ $k }}{{ end }};'';true",
        "{{ index $labels $value }};'';true",
        "{{ template \"t\" . }}{{ define \"t\" }}{{ .Labels.x }}{{ end }};'';true",
        "{{ $value }} {{ .ExternalURL }} {{ $externalLabels.cluster }};'';false",
        "text only;'';false",
    })
    void findsLabelReads(String template, String names, boolean readsAll) throws TemplateException {
        LabelReads reads = reads(template);
        assertThat(String.join(",", reads.names())).isEqualTo(names);
        assertThat(reads.readsAll()).isEqualTo(readsAll);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Host {{ $labels.instance }} down;instance",
        "{{ index $labels \"node\" }};node",
        "x {{ $.Labels.pod }};pod",
        "a\\nb {{ .Labels.zone }};zone",
    })
    void offsetsPointAtTheLabelName(String template, String name) throws TemplateException {
        String text = template.replace("\\n", "\n");
        LabelReads.LabelRead read = reads(text).reads().get(0);
        assertThat(read.offset()).isEqualTo(text.indexOf(name));
    }
}
