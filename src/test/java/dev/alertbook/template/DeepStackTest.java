package dev.alertbook.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which templates need a deep stack: the deep ones, and those that call templates or query. */
class DeepStackTest {

    @Test
    void shallowTemplatesRunOnTheCallersThread() throws TemplateException {
        String annotation = AlertTemplate.PREFIX + "{{ $labels.instance }} of {{ $labels.job }} is at "
                + "{{ printf \"%.1f\" (humanize $value) }} ({{ if gt $value 2.0 }}high{{ else }}rising{{ end }})";
        assertThat(DeepStack.run(annotation, Thread::currentThread)).isSameAs(Thread.currentThread());
    }

    @Test
    void deepTemplatesTemplateCallsAndQueriesRunOnADeepStack() throws TemplateException {
        for (String text : new String[] {
            "{{ " + "(".repeat(40) + "1" + ")".repeat(40) + " }}",
            "{{ define \"x\" }}{{ template \"x\" . }}{{ end }}{{ template \"x\" . }}",
            "{{ with query \"up\" }}{{ . | first | value }}{{ end }}"}) {
            assertThat(DeepStack.run(text, Thread::currentThread).getName()).as(text).isEqualTo("alertbook-template");
        }
    }
}
