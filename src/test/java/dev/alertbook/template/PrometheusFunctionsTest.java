package dev.alertbook.template;

import static dev.alertbook.template.Run.expand;
import static dev.alertbook.template.Run.fails;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Prometheus's template functions. Expected strings come from Prometheus's
 * {@code template_test.go} and the reference, which were checked against promtool.
 */
class PrometheusFunctionsTest {

    private static String each(String function, String values) {
        return expand("{{ range $i, $v := args " + values + " }}{{ " + function + " $v }}:{{ end }}");
    }

    @Test
    void humanize() {
        assertThat(each("humanize", "0.0 1.0 1234567.0 0.12 0.00001 -1234.0 1e30")).isEqualTo("0:1:1.235M:120m:10u:-1.234k:1e+06Y:");
        assertThat(expand("{{ humanize $value }}", Double.NaN)).isEqualTo("NaN");
        assertThat(expand("{{ humanize $value }}", Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(expand("{{ humanize $value }}", Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(expand("{{ humanize \"2048\" }} {{ humanize 3 }}")).isEqualTo("2.048k 3");
        fails("{{ humanize \"one\" }}").withMessageEndingWith(
                "error calling humanize: strconv.ParseFloat: parsing \"one\": invalid syntax");
        fails("{{ humanize $labels }}").withMessageEndingWith("error calling humanize: can't convert map[string]string to float");
    }

    @Test
    void humanize1024() {
        assertThat(each("humanize1024", "0.0 1.0 1048576.0 0.12 -2048.0 1536.0")).isEqualTo("0:1:1Mi:0.12:-2ki:1.5ki:");
    }

    @Test
    void humanizeDuration() {
        assertThat(each("humanizeDuration", "0.0 1.0 60.0 3600.0 86400.0 90000.0 -183845.0 899.99"))
                .isEqualTo("0s:1s:1m 0s:1h 0m 0s:1d 0h 0m 0s:1d 1h 0m 0s:-2d 3h 4m 5s:14m 59s:");
        assertThat(each("humanizeDuration", "0.1 0.0001 0.12345 60.1 60.5 1.2345 12.345 3661"))
                .isEqualTo("100ms:100us:123.5ms:1m 0s:1m 0s:1.234s:12.35s:1h 1m 1s:");
        assertThat(expand("{{ humanizeDuration $value }}", Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(expand("{{ humanizeDuration $value }}", -0.5)).isEqualTo("-500ms");
    }

    @Test
    void humanizePercentage() {
        assertThat(each("humanizePercentage", "0.0 0.1234567 0.5 1.0 1.5 -0.25")).isEqualTo("0%:12.35%:50%:100%:150%:-25%:");
    }

    @Test
    void humanizeTimestamp() {
        assertThat(expand("{{ humanizeTimestamp 1435065584.128 }}")).isEqualTo("2015-06-23 13:19:44.128 +0000 UTC");
        assertThat(expand("{{ \"1435065584\" | humanizeTimestamp }}")).isEqualTo("2015-06-23 13:19:44 +0000 UTC");
        assertThat(expand("{{ humanizeTimestamp -1.5 }}")).isEqualTo("1969-12-31 23:59:58.5 +0000 UTC");
        assertThat(expand("{{ humanizeTimestamp $value }}", Double.NaN)).isEqualTo("NaN");
        fails("{{ humanizeTimestamp 1e20 }}").withMessageEndingWith(
                "error calling humanizeTimestamp: 1e+20 cannot be represented as a nanoseconds timestamp since it overflows int64");
    }

    @Test
    void toTimeAndToDuration() {
        assertThat(expand("{{ (1435065584.128 | toTime).Format \"Jan 02, 2006 15:04:05.000 MST\" }}"))
                .isEqualTo("Jun 23, 2015 13:19:44.128 UTC");
        assertThat(expand("{{ (toTime 1435065584).Unix }} {{ toTime 0 }}")).isEqualTo("1435065584 1970-01-01 00:00:00 +0000 UTC");
        fails("{{ toTime \"NaN\" }}").withMessageEndingWith("error calling toTime: value is NaN or Inf");
        assertThat(expand("{{ 1800 | toDuration }} {{ (90.5 | toDuration).String }} {{ (0.0015 | toDuration) }}"))
                .isEqualTo("30m0s 1m30.5s 1.5ms");
        assertThat(expand("{{ (3600 | toDuration).Minutes }}")).isEqualTo("60");
    }

    @Test
    void parseDuration() {
        assertThat(expand("{{ parseDuration \"1h2m10ms\" }} {{ parseDuration \"-1h2m10ms\" }} {{ parseDuration \"0\" }}"))
                .isEqualTo("3720.01 -3720.01 0");
        fails("{{ parseDuration \"1x\" }}").withMessageEndingWith("error calling parseDuration: unknown unit \"x\" in duration \"1x\"");
    }

    @Test
    void strings() {
        assertThat(expand("{{ title \"aa bb CC\" }}|{{ title \"foo-bar baz_qux it's\" }}")).isEqualTo("Aa Bb CC|Foo-Bar Baz_qux It's");
        assertThat(expand("{{ toUpper \"aß\" }} {{ toLower \"ÀB\" }}")).isEqualTo("Aß àb");
        assertThat(expand("{{ safeHtml \"<b>\" }}")).isEqualTo("<b>");
        assertThat(expand("{{ urlQueryEscape \"a b&c=d/é\" }}")).isEqualTo("a+b%26c%3Dd%2F%C3%A9");
    }

    @Test
    void links() {
        assertThat(expand("{{ graphLink \"up == 0\" }}")).isEqualTo("/graph?g0.expr=up+%3D%3D+0&g0.tab=0");
        assertThat(expand("{{ tableLink \"rate(x[5m])\" }}")).isEqualTo("/graph?g0.expr=rate%28x%5B5m%5D%29&g0.tab=1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "foo:123|foo|foo:123",
        "foo.example.com:12345|foo.example.com|foo:12345",
        "[2001:db8::1]:123|2001:db8::1|[2001:db8::1]:123",
        "2001:0DB8::1|2001:0DB8::1|2001:0DB8::1",
        "192.168.0.1:9100|192.168.0.1|192.168.0.1:9100",
        "foo.example.com|foo.example.com|foo",
        "[::1]:80|::1|[::1]:80",
    })
    void stripPortAndDomain(String input, String withoutPort, String withoutDomain) {
        assertThat(expand("{{ stripPort \"" + input + "\" }}")).isEqualTo(withoutPort);
        assertThat(expand("{{ stripDomain \"" + input + "\" }}")).isEqualTo(withoutDomain);
    }

    @Test
    void regularExpressionsAreGoRe2AndUnanchored() {
        assertThat(expand("{{ reReplaceAll \"(a)b\" \"x$1\" \"ab\" }}")).isEqualTo("xa");
        assertThat(expand("{{ reReplaceAll \"a*\" \"x\" \"baaac\" }}")).isEqualTo("xbxcx");
        assertThat(expand("{{ reReplaceAll \"(?P<host>[^:]+):.*\" \"${host}!$1x$$\" \"web:80\" }}")).isEqualTo("web!$");
        assertThat(expand("{{ match \"^web\" \"web-1\" }} {{ match \"b\" \"abc\" }} {{ match \"^b\" \"abc\" }}"))
                .isEqualTo("true true false");
        fails("{{ reReplaceAll \"(\" \"\" \"x\" }}").withMessageEndingWith(
                "error calling reReplaceAll: regexp: Compile(`(`): error parsing regexp: missing closing ): `(`");
        fails("{{ match \"(\" \"x\" }}").withMessageEndingWith(
                "error calling match: error parsing regexp: missing closing ): `(`");
    }

    @Test
    void argsBuildsAMapForTemplateCalls() {
        assertThat(expand("{{ define \"t\" }}{{ .arg0 }}/{{ .arg1 }}/{{ .arg2 }}{{ end }}{{ template \"t\" args 1 \"x\" }}"))
                .isEqualTo("1/x/<no value>");
    }

    @Test
    void externalUrlFailsWithoutOneAsInPromtool() {
        fails("{{ externalURL }}").withMessageEndingWith(
                "error calling externalURL: runtime error: invalid memory address or nil pointer dereference");
        assertThat(expand("{{ $externalURL }} {{ .ExternalURL }} {{ $externalLabels.cluster }}"))
                .isEqualTo("http://prom:9090/path http://prom:9090/path eu");
    }

    @Test
    void pathPrefixAndNowReadTheEnvironment() throws TemplateException {
        Environment env = new Environment(1435065584.5, Optional.of("http://prom:9090/path/prefix"), Optional.empty());
        String out = AlertTemplate.parse("X", "{{ pathPrefix }} {{ externalURL }} {{ now }}")
                .expand(new AlertValues(Map.of(), Map.of(), "", 1.0), env);
        assertThat(out).isEqualTo("/path/prefix http://prom:9090/path/prefix 1.4350655845e+09");
    }

    @Test
    void queryFunctionsRunOnTheEngineResult() throws TemplateException {
        QueryEngine engine = (expr, time) -> List.of(
                new QuerySample(Map.of("instance", "b", "__value__", "x"), 2.0),
                new QuerySample(Map.of("instance", "a"), 0.5));
        Environment env = new Environment(0, Optional.empty(), Optional.of(engine));
        AlertTemplate template = AlertTemplate.parse("X", "{{ with query \"up\" }}{{ . | first | value | humanizePercentage }} "
                + "{{ . | first | label \"instance\" }} {{ . | first | strvalue }} {{ range sortByLabel \"instance\" . }}"
                + "{{ .Labels.instance }}={{ .Value }};{{ end }}{{ end }}");
        assertThat(template.usesQuery()).isTrue();
        assertThat(template.expand(new AlertValues(Map.of(), Map.of(), "", 1.0), env)).isEqualTo("200% b x a=0.5;b=2;");
        QueryEngine empty = (expr, time) -> List.of();
        Environment none = new Environment(0, Optional.empty(), Optional.of(empty));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> AlertTemplate.parse("X", "{{ query \"up\" | first }}")
                .expand(new AlertValues(Map.of(), Map.of(), "", 1.0), none)))
                .hasMessageEndingWith("error calling first: first() called on vector with no elements");
        fails("{{ (query \"up\").banana }}").withMessageContaining("error calling query: no query engine available");
    }
}
