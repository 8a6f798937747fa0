package dev.alertbook.template;

import static dev.alertbook.template.Run.expand;
import static dev.alertbook.template.Run.fails;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Go's text/template language as Prometheus runs it: actions, variables, fields, built-in
 * functions, and the parse and execution errors, with Go's texts.
 */
class TemplateLanguageTest {

    @Test
    void labelsAndFields() {
        assertThat(expand("{{ $labels.instance }} {{ .Labels.job }} {{ $.Labels.severity }} [{{ $labels.nope }}]"))
                .isEqualTo("host-1:9100 node page []");
        assertThat(expand("{{ $labels }}")).isEqualTo("map[instance:host-1:9100 job:node severity:page]");
        assertThat(expand("{{ index $labels \"job\" }} [{{ index $labels \"nope\" }}] {{ index .Labels \"instance\" }}"))
                .isEqualTo("node [] host-1:9100");
        fails("{{ .labels.job }}").withMessageEndingWith("executing \"__alert_X\" at <.labels.job>: can't evaluate field "
                + "labels in type struct { Labels map[string]string; ExternalLabels map[string]string; ExternalURL string; "
                + "Value interface {} }");
        fails("{{ $labels.job.x }}").withMessageEndingWith("can't evaluate field x in type string");
    }

    @Test
    void conditionalsAndLoops() {
        assertThat(expand("{{ if eq $labels.job \"db\" }}db{{ else if eq $labels.job \"node\" }}node{{ else }}?{{ end }}"))
                .isEqualTo("node");
        assertThat(expand("{{ with $labels.nope }}x{{ else with $labels.job }}{{ . }}{{ end }}")).isEqualTo("node");
        assertThat(expand("{{ range $k, $v := $labels }}{{ $k }}={{ $v }};{{ end }}"))
                .isEqualTo("instance=host-1:9100;job=node;severity=page;");
        assertThat(expand("{{ range args }}x{{ else }}empty{{ end }}")).isEqualTo("empty");
        assertThat(expand("{{ range 5 }}{{ if eq . 1 }}{{ continue }}{{ end }}{{ if eq . 3 }}{{ break }}{{ end }}{{ . }}{{ end }}"))
                .isEqualTo("02");
        assertThat(expand("{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}")).isEqualTo("2");
    }

    @Test
    void whitespaceTrimmingAndComments() {
        assertThat(expand("a  {{- 1 -}}  b {{/* gone */}}c {{- /* trimmed */ -}} d")).isEqualTo("a1b cd");
        assertThat(expand("x\n{{- $labels.job }}\n")).isEqualTo("xnode\n");
    }

    @Test
    void definedTemplatesAndBlocks() {
        assertThat(expand("{{ define \"who\" }}{{ .Labels.job }}{{ end }}[{{ template \"who\" . }}]")).isEqualTo("[node]");
        assertThat(expand("{{ block \"b\" $labels.job }}<{{ . }}>{{ end }}")).isEqualTo("<node>");
        fails("{{ template \"nope\" }}").withMessageEndingWith("template \"nope\" not defined");
    }

    @Test
    void constants() {
        assertThat(expand("{{ 1e3 }} {{ 0x10 }} {{ 'a' }} {{ 1_000 }} {{ 1.50 }} {{ -7 }} {{ true }} {{ \"s\" }} {{ `r\\n` }}"))
                .isEqualTo("1000 16 97 1000 1.5 -7 true s r\\n");
    }

    @Test
    void logicAndComparison() {
        assertThat(expand("{{ and 1 0 \"x\" }} {{ and 1 2 }} {{ or 0 \"\" \"x\" }} {{ or 0 false }} {{ not 0 }} {{ not \"a\" }}"))
                .isEqualTo("0 2 x false true false");
        assertThat(expand("{{ or 1 (index $labels 5) }}")).as("or stops at the first true argument").isEqualTo("1");
        assertThat(expand("{{ eq 2 1 2 3 }} {{ ne \"a\" \"b\" }} {{ lt 1 2 }} {{ le 2 2 }} {{ gt \"b\" \"a\" }} {{ ge 1.5 2.5 }}"))
                .isEqualTo("true true true true true false");
        assertThat(expand("{{ gt $value 1.0 }} {{ lt $value 1.0 }} {{ eq $value $value }}", Double.NaN))
                .as("Go defines gt as not le, so NaN is greater than anything").isEqualTo("true false false");
        fails("{{ eq \"a\" 1 }}").withMessageEndingWith("error calling eq: incompatible types for comparison");
        fails("{{ lt true false }}").withMessageEndingWith("error calling lt: invalid type for comparison");
        fails("{{ eq 1 }}").withMessageEndingWith("error calling eq: missing argument for comparison");
    }

    @Test
    void lengthIndexAndSlice() {
        assertThat(expand("{{ len \"héllo\" }} {{ len $labels }} {{ index \"abc\" 1 }} {{ slice \"abcdef\" 1 3 }} {{ slice \"abc\" 1 }}"))
                .isEqualTo("6 3 98 bc bc");
        fails("{{ index \"abc\" 5 }}").withMessageEndingWith("at <index \"abc\" 5>: error calling index: index out of range: 5");
        fails("{{ len 3 }}").withMessageEndingWith("error calling len: len of type int");
        fails("{{ index 3 1 }}").withMessageEndingWith("error calling index: can't index item of type int");
        fails("{{ slice \"abc\" 2 1 }}").withMessageEndingWith("error calling slice: invalid slice index: 2 > 1");
    }

    @Test
    void printingAndEscaping() {
        assertThat(expand("{{ print 1 2 \"a\" 3 \"b\" \"c\" }}|{{ println 1 \"a\" }}|")).isEqualTo("1 2a3bc|1 a\n|");
        assertThat(expand("{{ html \"<a href='x'>&\\\"\" }}")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&#34;");
        assertThat(expand("{{ js \"'\\\"<>&=\\\\\\n\" }}")).isEqualTo("\\'\\\"\\u003C\\u003E\\u0026\\u003D\\\\\\u000A");
        assertThat(expand("{{ urlquery \"a b&c\" }} {{ urlquery 1 2 }}")).isEqualTo("a+b%26c 1+2");
        assertThat(expand("{{ $labels.job | printf \"%s!\" }} {{ \"x\" | printf \"%s-%s\" \"y\" }}")).isEqualTo("node! y-x");
    }

    @Test
    void callAndArgumentErrors() {
        fails("{{ call 1 }}").withMessageEndingWith("error calling call: non-function of type int");
        fails("{{ humanize }}").withMessageEndingWith("wrong number of args for humanize: want 1 got 0");
        fails("{{ printf }}").withMessageEndingWith("wrong number of args for printf: want at least 1 got 0");
        fails("{{ title 3 }}").withMessageEndingWith("at <3>: expected string; found 3");
        fails("{{ $value | title }}").withMessageEndingWith("wrong type for value; expected string; got float64");
        fails("{{ $labels.job 1 }}").withMessageEndingWith("job is not a method but has arguments");
        fails("{{ 3 4 }}").withMessageEndingWith("can't give argument to non-function 3");
        fails("{{ nil }}").withMessageEndingWith("nil is not a command");
        fails("{{ label \"x\" nil }}").withMessageEndingWith(
                "error calling label: runtime error: invalid memory address or nil pointer dereference");
    }

    @Test
    void executionErrorsNamePositionAndNode() {
        fails("ab\n{{ index $labels 5 }}").satisfies(e -> {
            assertThat(e.kind()).isEqualTo(TemplateException.Kind.EXECUTION);
            assertThat(e.getMessage()).isEqualTo("template: __alert_X:2:3: executing \"__alert_X\" at <index $labels 5>: "
                    + "error calling index: value has type int; should be string");
            assertThat(e.offset()).isEqualTo(6);
        });
    }

    /** Go allows 10,000 nested parentheses; a default Java thread stack holds fewer than 1,000. */
    @Test
    void nestingStopsAtGosLimitNotAtTheJavaStack() throws TemplateException {
        String parens = "{{ " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + " }}";
        assertThat(expand(parens)).isEqualTo("1");
        fails(parens.replace("{{ (", "{{ ((").replace(") }}", ")) }}"))
                .withMessage("template: __alert_X:1: max expression depth exceeded");
        String calls = "{{ " + "(print ".repeat(9_999) + "1" + ")".repeat(9_999) + " }}";
        assertThat(expand(calls)).isEqualTo("1");
        String ifs = "{{ if 1 }}".repeat(10_000) + "x" + "{{ end }}".repeat(10_000);
        assertThat(expand(ifs)).isEqualTo("x");
        fails("{{ with 1 }}" + ifs + "{{ end }}").withMessage("template: __alert_X:1: max expression depth exceeded");
        AlertTemplate deep = AlertTemplate.parse("X", ifs.replace("x", "{{ $labels.job }}"));
        assertThat(deep.labelReads().names()).as("the checks walk the tree too").containsExactly("job");
        assertThat(deep.usesQuery()).isFalse();
    }

    @Test
    void endlessRecursionFailsInTheTemplateThatRecurses() {
        fails("{{ define \"loop\" }}{{ template \"loop\" . }}{{ end }}{{ template \"loop\" . }}").satisfies(e -> {
            assertThat(e.kind()).isEqualTo(TemplateException.Kind.EXECUTION);
            assertThat(e.getMessage()).isEqualTo("template: __alert_X:1:143: executing \"loop\" at "
                    + "<{{template \"loop\" .}}>: exceeded maximum template depth (100000)");
            assertThat(e.offset()).as("the inner call").isEqualTo(31);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '~', value = {
        "{{ $labels.job };SYNTAX;template: __alert_X:1: unexpected \"}\" in operand",
        "{{ if }}{{ end }};SYNTAX;template: __alert_X:1: missing value for if",
        "{{ end }};SYNTAX;template: __alert_X:1: unexpected {{end}}",
        "{{ if 1 }};SYNTAX;template: __alert_X:1: unexpected EOF",
        "{{ else }};SYNTAX;template: __alert_X:1: unexpected {{else}}",
        "{{ break }};SYNTAX;template: __alert_X:1: {{break}} outside {{range}}",
        "{{ \"abc }};SYNTAX;template: __alert_X:1: unterminated quoted string",
        "{{ 3x }};SYNTAX;template: __alert_X:1: bad number syntax: \"3x\"",
        "{{ 1 | 2 }};SYNTAX;template: __alert_X:1: non executable command in pipeline stage 2",
        "{{ (1 }};SYNTAX;template: __alert_X:1: unclosed left paren",
        "{{ 1 ) }};SYNTAX;template: __alert_X:1: unexpected right paren",
        "{{ a#b }};SYNTAX;template: __alert_X:1: bad character U+0023 '#'",
        "{{ 99999999999999999999 }};SYNTAX;template: __alert_X:1: integer overflow: \"99999999999999999999\"",
        "{{/* x }};SYNTAX;template: __alert_X:1: unclosed comment",
        "{{ $labels.job;SYNTAX;template: __alert_X:1: unclosed action",
        "{{ .a.1 }};SYNTAX;template: __alert_X:1: unexpected \".1\" in operand",
        "{{ humanise 1 }};UNDEFINED;template: __alert_X:1: function \"humanise\" not defined",
        "{{ $label.foo }};UNDEFINED;template: __alert_X:1: undefined variable \"$label\"",
        "a\\nb {{ $nope }};UNDEFINED;template: __alert_X:2: undefined variable \"$nope\"",
        "{{/* a\\nb */}}\\n{{ $labels.x }}\\n\\n{{ $nope }};UNDEFINED;template: __alert_X:5: undefined variable \"$nope\"",
        "{{ 1 }}\\n{{ 2 }}\\n{{ (3 }};SYNTAX;template: __alert_X:3: unclosed left paren",
        "{{ define \"a\" }}x{{ end }}{{ define \"a\" }}y{{ end }};SYNTAX;template: __alert_X:1: template: multiple definition of template \"a\"",
    })
    void parseErrors(String template, TemplateException.Kind kind, String message) {
        fails(template.replace("\\n", "\n")).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.getMessage()).as(template).isEqualTo(message);
        });
    }
}
