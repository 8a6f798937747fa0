package dev.alertbook.golang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alertbook.golang.Numbers.NumberSyntaxException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go's {@code strconv.ParseFloat} and {@code ParseInt(s, 0, 64)}, held to cases of Go's atof_test.go and atoi_test.go. */
class NumbersTest {

    @ParameterizedTest(name = "ParseFloat({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "1                        | 1",
        "+1                       | 1",
        "1e23                     | 1e23",
        "1E23                     | 1e23",
        "100000000000000000000000 | 1e23",
        "1e-100                   | 1e-100",
        "123456700                | 123456700",
        "99999999999999974834176  | 99999999999999974834176",
        "100000000000000000000001 | 1.0000000000000001e+23",
        "1e308                    | 1e308",
        "1e-350                   | 0",
        ".5                       | 0.5",
        "1.                       | 1",
        "0x1p0                    | 1",
        "0x1.8p1                  | 3",
        "0x1.fffffffffffffp1023   | 1.7976931348623157e308",
        "0x_1p0                   | 1",
        "1_23.50_0_0e+1_2         | 1.235e14",
        "inf                      | Infinity",
        "-Inf                     | -Infinity",
        "+INF                     | Infinity",
        "-Infinity                | -Infinity",
        "+INFINITY                | Infinity",
        "nan                      | NaN",
        "NAN                      | NaN",
    })
    void parsesFloatsAsGo(String text, double expected) throws NumberSyntaxException {
        assertThat(Double.compare(Numbers.parseFloat(text), expected)).as("ParseFloat(%s) = %s", text, expected).isZero();
    }

    @ParameterizedTest(name = "ParseFloat({0}) fails")
    @ValueSource(strings = {"", "1x", "1.1.", "1e", "1e-", ".e-1", "0x1", "0x", "_123", "1__23", "123_", "1_e5", "+nan",
        "-nan", " 1", "1 ", "1d", "1f", "infinit", "0x1p", "e5"})
    void refusesWhatGoRefuses(String text) {
        assertThatThrownBy(() -> Numbers.parseFloat(text)).isInstanceOf(NumberSyntaxException.class)
                .hasMessage("strconv.ParseFloat: parsing " + Quoting.quote(text) + ": invalid syntax");
    }

    @ParameterizedTest(name = "ParseFloat({0}) is out of range")
    @ValueSource(strings = {"2e308", "1e309", "-1e309", "0x1p1024"})
    void saysWhenAFloatIsOutOfRange(String text) {
        assertThatThrownBy(() -> Numbers.parseFloat(text)).isInstanceOf(NumberSyntaxException.class)
                .hasMessage("strconv.ParseFloat: parsing " + Quoting.quote(text) + ": value out of range");
    }

    @ParameterizedTest(name = "ParseInt({0}, 0, 64) = {1}")
    @CsvSource({"0, 0", "-0, 0", "1, 1", "-1, -1", "12345, 12345", "0x10, 16", "0X1f, 31", "010, 8", "-010, -8",
        "0o17, 15", "0b1010, 10", "1_000, 1000", "0x_1f, 31", "9223372036854775807, 9223372036854775807",
        "-9223372036854775808, -9223372036854775808"})
    void parsesIntsInBaseZeroAsGo(String text, long expected) {
        assertThat(Numbers.parseInt(text)).contains(expected);
    }

    @ParameterizedTest(name = "ParseInt({0}, 0, 64) fails")
    @ValueSource(strings = {"", "08", "0x", "_1", "1__0", "1_", "0b102", "9223372036854775808", "-9223372036854775809", "1.5", "1e3"})
    void refusesIntsGoRefuses(String text) {
        assertThat(Numbers.parseInt(text)).isEqualTo(Optional.empty());
    }

    /** PromQL's parseNumber: an int in any base first, so 010 is octal; otherwise a float. */
    @ParameterizedTest(name = "parseNumber({0}) = {1}")
    @CsvSource({"010, 8", "0x10, 16", "08, 8", "1e3, 1000", "1_000, 1000", "Inf, Infinity", "9223372036854775808, 9.223372036854775808e18"})
    void parsesPromqlNumbers(String text, double expected) throws NumberSyntaxException {
        assertThat(Numbers.parse(text)).isEqualTo(expected);
    }
}
