package dev.alertbook.golang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Go's {@code strconv} quoting both ways, held to the tables of Go's quote_test.go, and
 * Prometheus's {@code strutil.Unquote} for PromQL. The invalid UTF-8 byte xx is written
 * {@link #BYTE_FF} here for xx = ff: Quoting keeps such bytes as the lone surrogate U+DC00 + xx.
 */
class QuotingTest {

    private static final String BYTE_FF = String.valueOf((char) 0xDCFF);

    static Stream<Arguments> quoted() {
        return Stream.of(
                arguments("\u0007\b\f\r\n\t\u000b", "\"\\a\\b\\f\\r\\n\\t\\v\"", "\"\\a\\b\\f\\r\\n\\t\\v\""),
                arguments("\\", "\"\\\\\"", "\"\\\\\""),
                arguments("abc" + BYTE_FF + "def", "\"abc\\xffdef\"", "\"abc\\xffdef\""),
                arguments("\u263a", "\"\u263a\"", "\"\\u263a\""),
                arguments(new String(Character.toChars(0x10ffff)), "\"\\U0010ffff\"", "\"\\U0010ffff\""),
                arguments("\u0004", "\"\\x04\"", "\"\\x04\""),
                arguments("!\u00a0!\u2000!\u3000!", "\"!\\u00a0!\\u2000!\\u3000!\"", "\"!\\u00a0!\\u2000!\\u3000!\""),
                arguments("\u007f", "\"\\x7f\"", "\"\\x7f\""),
                arguments("", "\"\"", "\"\""));
    }

    @ParameterizedTest(name = "Quote({0}) = {1}, QuoteToASCII = {2}")
    @MethodSource("quoted")
    void quotesAsGo(String text, String quoted, String ascii) {
        assertThat(Quoting.quote(text)).isEqualTo(quoted);
        assertThat(Quoting.quote(text, true)).isEqualTo(ascii);
    }

    @ParameterizedTest(name = "QuoteRune({0}) = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"97 | 'a'", "9786 | '\u263a'", "39 | '\\''", "34 | '\"'",
        "10 | '\\n'", "-1 | '\uFFFD'", "55296 | '\uFFFD'"})
    void quotesRunesAsGo(int rune, String quoted) {
        assertThat(Quoting.quoteRune(rune)).isEqualTo(quoted);
    }

    static Stream<Arguments> unquoted() {
        return Stream.of(
                arguments("\"\"", ""),
                arguments("\"a\"", "a"),
                arguments("\"abc\"", "abc"),
                arguments("\"\u263a\"", "\u263a"),
                arguments("\"hello world\"", "hello world"),
                arguments("\"\\xFF\"", BYTE_FF),
                arguments("\"\\377\"", BYTE_FF),
                arguments("\"\\xc3\\xa9\"", "\u00e9"),
                arguments("\"\\u1234\"", "\u1234"),
                arguments("\"\\U00010111\"", new String(Character.toChars(0x10111))),
                arguments("\"\\U0001011111\"", new String(Character.toChars(0x10111)) + "11"),
                arguments("\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"", "\u0007\b\f\n\r\t\u000b\\\""),
                arguments("\"'\"", "'"),
                arguments("'a'", "a"),
                arguments("'\u2639'", "\u2639"),
                arguments("'\\a'", "\u0007"),
                arguments("'\\x10'", "\u0010"),
                arguments("'\\377'", BYTE_FF),
                arguments("'\\u1234'", "\u1234"),
                arguments("'\\U00101234'", new String(Character.toChars(0x101234))),
                arguments("'\\''", "'"),
                arguments("'\"'", "\""),
                arguments("``", ""),
                arguments("`a`", "a"),
                arguments("`abc`", "abc"),
                arguments("`\\n`", "\\n"),
                arguments("`\n`", "\n"),
                arguments("`\t`", "\t"),
                arguments("` `", " "),
                arguments("`a\rb`", "ab"));
    }

    @ParameterizedTest(name = "Unquote({0}) = {1}")
    @MethodSource("unquoted")
    void unquotesAsGo(String literal, String value) {
        assertThat(Quoting.unquote(literal)).contains(value);
    }

    @ParameterizedTest(name = "Unquote({0}) fails")
    @ValueSource(strings = {"", "\"", "\"a", "\"'", "b\"", "\"\\\"", "\"\\9\"", "\"\\19\"", "\"\\129\"", "'\\'", "'\\9'",
        "'\\19'", "'\\129'", "'ab'", "\"\\x1!\"", "\"\\U12345678\"", "\"\\z\"", "`", "`xxx", "``x\r", "`\"", "\"\\'\"",
        "'\\\"'", "\"\n\"", "\"\\n\n\"", "'\n'", "\"\\udead\"", "\"\\ud83d\\ude4f\"", "''", "abc"})
    void refusesWhatGoRefuses(String literal) {
        assertThat(Quoting.unquote(literal)).isEmpty();
    }

    @ParameterizedTest(name = "UnquoteChar({0}) = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {"'a' | 97", "'\\n' | 10", "'\\xff' | 255", "'\\377' | 255",
        "'\\u263a' | 9786", "'\u263a' | 9786", "'\\'' | 39"})
    void readsCharacterConstantsAsGo(String literal, int rune) {
        assertThat(Quoting.unquoteChar(literal)).hasValue(rune);
    }

    @ParameterizedTest(name = "UnquoteChar({0}) fails")
    @ValueSource(strings = {"''", "'ab'", "'\\\"'", "'\\400'", "'\\ud800'", "a", "'a"})
    void refusesCharacterConstantsGoRefuses(String literal) {
        assertThat(Quoting.unquoteChar(literal)).isEmpty();
    }

    static Stream<Arguments> promql() {
        return Stream.of(
                arguments("'ab'", "ab"),
                arguments("'a\\'b'", "a'b"),
                arguments("\"a\\\"b\"", "a\"b"),
                arguments("`a\rb`", "a\rb"),
                arguments("'\\xff'", BYTE_FF),
                arguments("\"\\u00e9\"", "\u00e9"));
    }

    @ParameterizedTest(name = "strutil.Unquote({0}) = {1}")
    @MethodSource("promql")
    void unquotesPromqlStringsAsPrometheus(String literal, String value) {
        assertThat(Quoting.unquotePromql(literal)).contains(value);
    }

    @Test
    void readsAPromqlLiteralAtTheStartOfALongerText() {
        assertThat(Quoting.unquotePromqlPrefix("{a=\"x\\\"y\", b='z'}", 3)).contains(new Quoting.Unquoted("x\"y", 9));
        assertThat(Quoting.unquotePromqlPrefix("{a=\"x", 3)).isEmpty();
    }

    static Stream<Arguments> backquotable() {
        return Stream.of(
                arguments("abc", true),
                arguments("`", false),
                arguments("\u0000", false),
                arguments("\u001f", false),
                arguments("\t", true),
                arguments("\u007f", false),
                arguments("\u263a", true),
                arguments("\uFFFD", true),
                arguments("\uFEFF", false),
                arguments(BYTE_FF, false),
                arguments("", true));
    }

    @ParameterizedTest(name = "CanBackquote({0}) = {1}")
    @MethodSource("backquotable")
    void backquotesWhereGoWould(String text, boolean backquote) {
        assertThat(Quoting.canBackquote(text)).isEqualTo(backquote);
    }

    @ParameterizedTest(name = "%#U of {0} = {1}")
    @CsvSource(delimiter = '|', value = {"35 | U+0023 '#'", "10 | U+000A", "9786 | U+263A '\u263a'", "128512 | U+1F600 '\uD83D\uDE00'"})
    void namesCharactersAsGo(int c, String name) {
        assertThat(Quoting.unicodeName(c)).isEqualTo(name);
    }
}
