package dev.alertbook.promql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Grammar details on small inputs: precedence, literals, modifiers, printing and bad input. */
class ParserTest {

    private static Expr parse(String query) {
        return PromQL.parse(query, ParseOptions.ALL).tree();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '\u0000', textBlock = """
            2 * 3 % 2 => 2 * 3 % 2
            0x10 + 010 + 090 + 1_000 => 16 + 8 + 90 + 1000
            1e6 + .5 + 5. => 1000000 + 0.5 + 5
            -Inf + +inf + NaN => -Inf + +Inf + NaN
            1h30m + 54s321ms => 1h30m + 54s321ms
            SUM BY (job) (rate(x[90])) => sum by (job) (rate(x[1m30s]))
            sum(x) without (a) => sum without (a) (x)
            foo{b="1", a=~"x", "c.d"!~'y'} => foo{"c.d"!~"y",a=~"x",b="1"}
            {"my.metric", job="a"} => {__name__="my.metric",job="a"}
            foo offset -5m @ 100 => foo @ 100.000 offset -5m
            foo[5m] @ start() offset 1m => foo[5m] @ start() offset 1m
            rate(foo[1h:5m] offset 1h) => rate(foo[1h:5m] offset 1h)
            a + on(b) group_left(c) d => a + on (b) group_left (c) d
            a > bool ignoring(x) b => a > bool ignoring (x) b
            a and on() b => a and on () b
            rate(foo[5m*2]) + foo offset (1h/2) => rate(foo[5m * 2]) + foo offset (1h / 2)
            foo offset -2^2 => foo offset -2s ^ 2
            rate(x[5m] anchored) => rate(x[5m] anchored)
            a + fill_right(1) fill_left(-2) b => a + fill_left (-2) fill_right (1) b
            a + fill(1e7) b => a + fill (1e+07) b
            label_join(x, 'a\\nb', "\\u00e9\\x01") => label_join(x, "a\\nb", "é\\x01")
            topk(3, x) # comment => topk(3, x)
            step() + time() => step() + time()
            info(x, {}) => info(x, {})
            """)
    void printsPrometheusCanonicalForm(String query, String printed) {
        assertThat(Printer.print(parse(query))).isEqualTo(printed);
    }

    @Test
    void unaryMinusBindsLooserThanPower() {
        assertThat(parse("-2 ^ 2")).isInstanceOf(UnaryExpr.class);
        assertThat(parse("2 ^ 3 ^ 2")).isInstanceOfSatisfying(BinaryExpr.class,
                binary -> assertThat(binary.rhs()).isInstanceOf(BinaryExpr.class));
        assertThat(parse("-1")).isEqualTo(new NumberLiteral(-1, false, new Span(0, 2)));
    }

    @Test
    void keywordsAreMetricNamesWhereTheGrammarAllowsIt() {
        assertThat(Printer.print(parse("sum + offset + fill + by"))).isEqualTo("sum + offset + fill + by");
        assertThat(PromQL.parse("bool").errorText()).isEqualTo("1:1: parse error: unexpected <bool>");
    }

    @Test
    void experimentalSyntaxNeedsItsSetting() {
        assertThat(PromQL.parse("foo[5m*2]", ParseOptions.NONE).errorText())
                .isEqualTo("1:5: parse error: experimental duration expression is not enabled");
        assertThat(PromQL.parse("foo[5m*2]", ParseOptions.PROMETHEUS).isValid()).isTrue();
        assertThat(PromQL.parse("info(up, {a=\"b\"})", ParseOptions.ALL).isValid()).isTrue();
        assertThat(PromQL.parse("info(up)").errorText()).isEqualTo("1:1: parse error: function \"info\" is not enabled");
    }

    @Test
    void errorColumnsCountBytesLikeGo() {
        assertThat(PromQL.parse("\"é\" +").errorText()).isEqualTo("1:7: parse error: unexpected end of input");
        assertThat(PromQL.parse("up\n  +").errorText()).isEqualTo("2:4: parse error: unexpected end of input");
        assertThat(PromQL.parse("").errorText()).isEqualTo("1:1: parse error: no expression found in input");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(", "-", "sum(", "foo[", "foo[5m:", "{a=\"", "abs(", "x offset (", "x + on(", "-(", "foo[("})
    void deepNestingIsAnErrorNotAStackOverflow(String opener) {
        String query = opener.repeat(10_000) + "1";
        ParseResult result = PromQL.parse(query, ParseOptions.ALL);
        assertThat(result.isValid()).isFalse();
        assertThat(result.errorText()).contains("parse error");
    }

    /** Prometheus takes chains of any length; each term nests the tree one level deeper, not the parser. */
    @Test
    void longChainsParseUpToTheTreeHeightLimit() {
        assertThat(PromQL.parse("up" + " or up".repeat(600)).isValid()).as("601 terms").isTrue();
        assertThat(PromQL.parse("1" + " + 1".repeat(Parser.MAX_HEIGHT)).isValid()).isTrue();
        assertThat(PromQL.parse("(" .repeat(200) + "1" + " + 1".repeat(900) + ")".repeat(200)).errorText())
                .isEqualTo("1:201: parse error: expression nests deeper than 1000 levels, each operator of a chain "
                        + "counting as one; split it up");
        assertThat(PromQL.parse("1" + " + 1".repeat(10_000)).errorText()).contains("nests deeper than 1000 levels");
        assertThat(PromQL.parse("x[1m" + "+1m".repeat(10_000) + "]").errorText()).contains("nests deeper than 1000 levels");
        assertThat(PromQL.parse("x" + "[1m:]".repeat(10_000)).errorText()).contains("nests deeper than 500 levels");
    }

    @Test
    void prettyPrintingSplitsLongExpressions() {
        String query = "sum by (job) (rate(http_requests_total{job=\"api-server\",code=~\"5..\"}[5m])) / "
                + "sum by (job) (rate(http_requests_total{job=\"api-server\"}[5m])) > 0.05";
        assertThat(PrettyPrinter.pretty(parse(query))).isEqualTo("""
                    sum by (job) (rate(http_requests_total{code=~"5..",job="api-server"}[5m]))
                  /
                    sum by (job) (rate(http_requests_total{job="api-server"}[5m]))
                >
                  0.05""");
        assertThat(PrettyPrinter.pretty(parse("up == 0"))).isEqualTo("up == 0");
    }
}
