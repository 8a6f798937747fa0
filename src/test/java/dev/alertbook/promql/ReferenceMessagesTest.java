package dev.alertbook.promql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The error messages of {@code reference/promql-syntax.md} §5 and {@code promql-functions.md}:
 * each input gives Prometheus's message (the part after {@code parse error: } unless the
 * expected text starts with a position).
 */
class ReferenceMessagesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '\u0000', textBlock = """
            1+ => 1:3: parse error: unexpected end of input
            *1 => unexpected <op:*>
            (1)) => unexpected right parenthesis ')'
            ((1) => unclosed left parenthesis
            sum( => unclosed left parenthesis
            . => unexpected character: '.'
            2.5. => bad number or duration syntax: "2.5."
            0deadbeef => bad number or duration syntax: "0de"
            1 == 1 => comparisons between scalars must use BOOL modifier
            1 =~ 1 => unexpected character after '=': '~'
            foo{a=b} => unexpected identifier "b" in label matching, expected string
            foo{gibberish} => unexpected "}" in label matching, expected label matching operator
            foo{__name__="bar" lol} => unexpected identifier "lol" in label matching, expected "," or "}"
            { => unexpected end of input inside braces
            foo{1} => unexpected character inside braces: '1'
            foo[5mm] => bad number or duration syntax: "5mm"
            foo[0m] => duration must be greater than 0
            foo[-1] => duration must be greater than 0
            foo[] => unexpected "]" in subquery or range selector, expected number, duration, step(), or range()
            foo[5s x 5s] => unexpected character: 'x', expected ':'
            some_metric[5m] OFFSET => unexpected end of input in offset, expected number, duration, step(), or range()
            some_metric[5m] @ => unexpected end of input in @, expected timestamp
            (foo + bar)[5m] => ranges only allowed for vector selectors
            sum (some_metric) by test => unexpected identifier "test" in grouping opts, expected "("
            sum without(,)(x) => unexpected "," in grouping opts, expected label
            sum some_metric by (test) => unexpected identifier "some_metric"
            sum (x) without (a) by (b) => unexpected <by>
            topk(some_metric) => wrong number of arguments for aggregate expression provided, expected 2, got 1
            topk(some_metric,) => trailing commas not allowed in function call args
            floor() => expected 1 argument(s) in call to "floor", got 0
            hour(a,b,c) => expected at most 1 argument(s) in call to "hour", got 3
            rate(some_metric) => expected type range vector in call to function "rate", got instant vector
            non_existent_function_far_bar() => unknown function with name "non_existent_function_far_bar"
            foo + group_left(baz) bar => unexpected <group_left>
            a - on(b) ignoring(c) d => unexpected <ignoring>
            1 offset 1d => offset modifier must be preceded by an instant vector selector or range vector selector or a subquery
            foo offset 1s offset 2s => offset may not be set multiple times
            rate(some_metric[5m]) @ 1234 => @ modifier must be preceded by an instant vector selector or range vector selector or a subquery
            foo @ +Inf => timestamp out of bounds for @ modifier: +Inf
            "\\c" => unknown escape sequence U+0063 'c'
            sum by ("foo)(x) => unterminated quoted string
            1 and 1 => set operator "and" not allowed in binary scalar expression
            foo[step()/0d] => division by zero
            foo offset 9.5e10 => duration out of range
            sort_by_label(x,"a") => 1:1: parse error: function "sort_by_label" is not enabled
            limitk(1, x) => limitk() is experimental and must be enabled with --enable-feature=promql-experimental-functions
            x[5m] anchored => anchored modifier is experimental and not enabled
            x[5m] smoothed => smoothed modifier is experimental and not enabled
            a + fill(0) b => binop fill modifiers are experimental and not enabled
            {} => vector selector must contain at least one non-empty matcher
            {x=""} => vector selector must contain at least one non-empty matcher
            {x=~".*"} => vector selector must contain at least one non-empty matcher
            {x!="a"} => vector selector must contain at least one non-empty matcher
            foo{__name__="bar"} => metric name must not be set twice: "foo" or "bar"
            foo[5m][5m:] => subquery is only allowed on instant vector, got matrix instead
            -foo[5m] => unary expression only allowed on expressions of type scalar or instant vector, got "range vector"
            1 + bool 2 => bool modifier can only be used on comparison operators
            foo + on(instance) group_left(instance) bar => label "instance" must not occur in ON and GROUP clause at once
            foo and on(a) group_left bar => no grouping allowed for "and" operation
            1 + on(a) foo => vector matching only allowed between instant vectors
            foo offset 5m[1m] => no offset modifiers allowed before range
            foo @ 10 [1m] => no @ modifiers allowed before range
            foo @ 1 @ 2 => @ <timestamp> may not be set multiple times
            1.5h => unknown unit "." in duration "1.5h"
            foo[5m1h] => not a valid duration string: "5m1h"
            foo{a=~"(?=x)"} => error parsing regexp: invalid or unsupported Perl syntax: `(?=`
            '\\'' + "\\'" => unknown escape sequence U+0027 '''
            "\\x\\\\" => illegal character U+005C '\\' in escape sequence
            "\\\t" => unknown escape sequence U+0009
            "\\é" => unknown escape sequence U+00E9 'é'
            count_values(1, x) => expected type string in aggregation parameter, got scalar
            sum("x") => expected type instant vector in aggregation expression, got string
            sum() => no arguments for aggregate expression provided
            label_join(x) => expected at least 3 argument(s) in call to "label_join", got 1
            """)
    void messages(String query, String expected) {
        ParseResult result = PromQL.parse(query);
        assertThat(result.isValid()).as("valid").isFalse();
        String text = result.errorText();
        if (expected.matches("\\d+:\\d+: .*")) {
            assertThat(text).isEqualTo(expected);
        } else {
            assertThat(text.substring(text.indexOf("parse error: ") + "parse error: ".length())).isEqualTo(expected);
        }
    }
}
