package dev.alertbook.template;

import static dev.alertbook.template.Run.expand;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How values print: {@code $value} with Go's {@code %v} (strconv's shortest 'g' form), and
 * {@code printf} verbs with flags, width and precision. Expected strings follow Go's fmt and
 * strconv documentation and examples.
 */
class FormattingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1234567|1.234567e+06",
        "123456|123456",
        "100000|100000",
        "1000000|1e+06",
        "123456789|1.23456789e+08",
        "9007199254740991|9.007199254740991e+15",
        "9007199254740993|9.007199254740992e+15",
        "0.1|0.1",
        "0.0001|0.0001",
        "0.00001|1e-05",
        "0.000025|2.5e-05",
        "-1.5|-1.5",
        "-0.0|-0",
        "0|0",
        "0.30000000000000004|0.30000000000000004",
        "0.3333333333333333|0.3333333333333333",
        "4.9e-324|5e-324",
        "1.7976931348623157e308|1.7976931348623157e+308",
        "1e21|1e+21",
        "NaN|NaN",
        "Infinity|+Inf",
        "-Infinity|-Inf",
    })
    void valuePrintsLikePrometheus(double value, String printed) {
        assertThat(expand("{{ $value }}", value)).isEqualTo(printed);
        assertThat(expand("{{ .Value }}", value)).isEqualTo(printed);
    }

    @Test
    void aValueOfAnUnknownTypePrintsWithEveryVerb() {
        Object unknown = new StringBuilder("x");
        assertThat(GoFmt.sprintf("%v", List.of(unknown))).isEqualTo("x");
        assertThat(GoFmt.sprintf("%d", List.of(unknown))).isEqualTo("%!d(StringBuilder=x)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "%s|\"x\"|x",
        "%q|\"hi\"|\"hi\"",
        "%#q|\"hi\"|`hi`",
        "%+q|\"é\"|\"\\u00e9\"",
        "%.2s|\"hello\"|he",
        "%5s|\"ab\"|~   ab~",
        "[%-5s]|\"ab\"|[ab   ]",
        "%x|\"hi\"|6869",
        "%X|\"hi\"|6869",
        "% x|\"hi\"|68 69",
        "%d|42|42",
        "%5d|42|~   42~",
        "[%-5d]|42|[42   ]",
        "%05d|-42|-0042",
        "%+d|5|+5",
        "% d|5|~ 5~",
        "%.3d|7|007",
        "%x|255|ff",
        "%X|255|FF",
        "%#x|255|0xff",
        "%x|-255|-ff",
        "%o|8|10",
        "%#o|8|010",
        "%O|8|0o10",
        "%b|5|101",
        "%c|65|A",
        "%q|65|'A'",
        "%U|128512|U+1F600",
        "%v|1.5|1.5",
        "%e|1234.5678|1.234568e+03",
        "%E|1234.5678|1.234568E+03",
        "%.2e|0.000123456|1.23e-04",
        "%f|3.14159|3.141590",
        "%.2f|3.14159|3.14",
        "%.2f|2.675|2.67",
        "%.0f|2.5|2",
        "%.0f|3.5|4",
        "%8.3f|3.14159|~   3.142~",
        "[%-8.3f]|3.14159|[3.142   ]",
        "%08.3f|-3.14159|-003.142",
        "%+.1f|3.0|+3.0",
        "%g|1e21|1e+21",
        "%g|100000.0|100000",
        "%g|1e6|1e+06",
        "%g|0.0001|0.0001",
        "%g|0.00001|1e-05",
        "%.3g|1234.5|1.23e+03",
        "%.3g|1.0|1",
        "%.4g|120.00000000000001|120",
        "%G|1e-10|1E-10",
        "%x|1.0|0x1p+00",
        "%x|3.0|0x1.8p+01",
        "%.1x|1.0|0x1.0p+00",
        "%f|-0.0|-0.000000",
        "%t|true|true",
        "%v|true|true",
        "%T|1.5|float64",
        "%T|1|int",
        "%T|\"s\"|string",
        "%s|3|%!s(int=3)",
        "%d|\"x\"|%!d(string=x)",
        "%d|1.5|%!d(float64=1.5)",
        "%z|1|%!z(int=1)",
        "%t|1|%!t(int=1)",
        "%s|true|%!s(bool=true)",
        "%d %s|1|1 %!s(MISSING)",
        "%d|1 2|1%!(EXTRA int=2)",
        "%d|1 \"a\"|1%!(EXTRA string=a)",
        "100%%|1|100%%!(EXTRA int=1)",
        "%|1|%!(NOVERB)%!(EXTRA int=1)",
        "%*d|5 42|~   42~",
        "[%-*d]|5 42|[42   ]",
        "%+v|42|42",
        "%+v|-42|-42",
        "%+v|1.5|1.5",
        "%+d|42|+42",
        "% v|42|~ 42~",
        "%#v|42|42",
        "%#v|1.0|1",
        "%#v|\"hi\"|\"hi\"",
        "%#.1v|\"hi\"|\"h\"",
        "%#d|\"\"|%!d(string=)",
        "%#d|\"x\"|%!d(string=x)",
        "%#d|1.5|%!d(float64=1.50000)",
        "%5d|\"x\"|%!d(string=    x)",
        "%#g|-0.5|-0.500000",
        "%#g|1.1|1.10000",
        "%#g|123456.0|123456.",
        "%#g|1234567.0|1.234567e+06",
        "%#g|1e-323|1.00000e-323",
        "%#g|0.0|0.00000",
        "%#.0g|1100000.0|1.e+06",
        "%#.4g|0.012|0.01200",
        "%#9.4g|1.0|~    1.000~",
        "%#.0f|-0.5|-0.",
        "%#.0f|123.0|123.",
        "%#.4f|1.0|1.0000",
        "%#.0e|123.0|1.e+02",
        "%#.4e|123.0|1.2300e+02",
        "%#x|1.5|0x1.8000p+00",
        "%#.0x|1.0|0x1.p+00",
        "%#.0x|123.0|0x1.p+07",
        "%#.4x|123.0|0x1.ec00p+06",
        "%#X|1.5|0X1.8P+00",
        "% .3X|-1.0|-0X1.000P+00",
        "%.0x|1.5|0x1p+01",
        "%.0x|2.5|0x1p+01",
        "%.0x|3.5|0x1p+02",
        "%.1x|1.03125|0x1.0p+00",
        "%.1x|1.09375|0x1.2p+00",
        "%.1x|1.96875|0x1.0p+01",
        "%b|1.0|4503599627370496p-52",
        "%#b|1.0|4503599627370496p-52",
        "%.4b|-1.0|-4503599627370496p-52",
        "%b|0.0|0p-1074",
        "%.2x|\"héllo\"|68c3",
        "%.1X|\"hi\"|68",
        "[%6.1x]|\"hi\"|[    68]",
        "% .2x|\"hey\"|68 65",
        "%.6U|65|U+000041",
        "%.2U|65|U+0041",
        "%08U|65|~  U+0041~",
        "%#U|65|U+0041 'A'",
        "%#U|39|U+0027 '''",
        "%#U|9|U+0009",
        "%U|-1|U+FFFFFFFFFFFFFFFF",
        "[%#.0x]|0|[]",
        "[%+.0d]|0|[]",
        "[%3.0d]|0|[   ]",
        "%+v|.|{Labels:map[instance:host-1:9100 job:node severity:page] ExternalLabels:map[cluster:eu] "
                + "ExternalURL:http://prom:9090/path Value:1.234567e+06}",
        "%#v|$labels|map[string]string{\"instance\":\"host-1:9100\", \"job\":\"node\", \"severity\":\"page\"}",
    })
    void printfVerbs(String format, String args, String printed) {
        assertThat(expand("{{ printf \"" + format.replace("\"", "\\\"") + "\" " + args + " }}")).isEqualTo(printed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%5.1f|NaN|~  NaN~",
        "%05.1f|+Inf|~ +Inf~",
        "%f|-Inf|-Inf",
        "%+f|NaN|+NaN",
        "%v|+Inf|+Inf",
        "%.3g|-Inf|-Inf",
        "%e|NaN|NaN",
        "%.2f|-0.004|-0.00",
        "%.3e|1e-300|1.000e-300",
        "%g|5e-324|5e-324",
    })
    void specialValues(String format, String value, String printed) {
        double v = switch (value) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
        assertThat(expand("{{ printf \"" + format + "\" $value }}", v)).isEqualTo(printed.replace("~", ""));
    }
}
