package dev.alertbook.golang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code strconv.FormatFloat(v, fmt, prec, 64)}, held to the table of Go's own tests
 * (strconv/ftoa_test.go): fixed precision rounds the exact binary value half to even, and
 * precision -1 gives the fewest digits that read back as the same float64.
 */
class FloatFormatTest {

    @ParameterizedTest(name = "FormatFloat({0}, {1}, {2}) = {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "1                       | e |  5 | 1.00000e+00",
        "1                       | f |  5 | 1.00000",
        "1                       | g |  5 | 1",
        "1                       | g | -1 | 1",
        "20                      | g | -1 | 20",
        "1234567.8               | g | -1 | 1.2345678e+06",
        "200000                  | g | -1 | 200000",
        "2000000                 | g | -1 | 2e+06",
        "400                     | g |  2 | 4e+02",
        "40                      | g |  2 | 40",
        "4                       | g |  2 | 4",
        ".4                      | g |  2 | 0.4",
        ".04                     | g |  2 | 0.04",
        ".004                    | g |  2 | 0.004",
        ".0004                   | g |  2 | 0.0004",
        ".00004                  | g |  2 | 4e-05",
        ".000004                 | g |  2 | 4e-06",
        "0                       | e |  5 | 0.00000e+00",
        "0                       | f |  5 | 0.00000",
        "0                       | g |  5 | 0",
        "0                       | g | -1 | 0",
        "-1                      | e |  5 | -1.00000e+00",
        "-1                      | f |  5 | -1.00000",
        "-1                      | g | -1 | -1",
        "12                      | e |  5 | 1.20000e+01",
        "12                      | f |  5 | 12.00000",
        "123456700               | e |  5 | 1.23457e+08",
        "123456700               | f |  5 | 123456700.00000",
        "123456700               | g |  5 | 1.2346e+08",
        "123456700               | g | -1 | 1.234567e+08",
        "1.2345e6                | e |  5 | 1.23450e+06",
        "1.2345e6                | f |  5 | 1234500.00000",
        "1.2345e6                | g |  5 | 1.2345e+06",
        // Round half to even, on the exact binary value.
        "1.2345e6                | e |  3 | 1.234e+06",
        "1.2355e6                | e |  3 | 1.236e+06",
        "1.2345                  | f |  3 | 1.234",
        "1.2355                  | f |  3 | 1.236",
        "1234567890123456789     | e |  3 | 1.235e+18",
        "1234567890123456789     | f |  3 | 1234567890123456768.000",
        "1e23                    | e | 17 | 9.99999999999999916e+22",
        "1e23                    | f | 17 | 99999999999999991611392.00000000000000000",
        "1e23                    | g | 17 | 9.9999999999999992e+22",
        // Shortest: what JDK 17's Double.toString gets wrong (9.999999999999999E22).
        "1e23                    | e | -1 | 1e+23",
        "1e23                    | f | -1 | 100000000000000000000000",
        "1e23                    | g | -1 | 1e+23",
        "99999999999999974834176 | e | -1 | 9.999999999999997e+22",
        "99999999999999974834176 | f | -1 | 99999999999999970000000",
        "100000000000000008388608 | e | -1 | 1.0000000000000001e+23",
        "100000000000000008388608 | f | -1 | 100000000000000010000000",
        "5e-324                  | g | -1 | 5e-324",
        "-5e-324                 | g | -1 | -5e-324",
        "32                      | g | -1 | 32",
        "32                      | g |  0 | 3e+01",
        "100                     | x | -1 | 0x1.9p+06",
        "-1                      | b | -1 | -4503599627370496p-52",
        "0.9                     | f |  1 | 0.9",
        "0.09                    | f |  1 | 0.1",
        "0.0999                  | f |  1 | 0.1",
        "0.05                    | f |  1 | 0.1",
        "0.05                    | f |  0 | 0",
        "0.5                     | f |  1 | 0.5",
        "0.5                     | f |  0 | 0",
        "1.5                     | f |  0 | 2",
        "2.2250738585072012e-308 | g | -1 | 2.2250738585072014e-308",
        "2.2250738585072011e-308 | g | -1 | 2.225073858507201e-308",
        "383260575764816448      | f |  0 | 383260575764816448",
        "383260575764816448      | g | -1 | 3.8326057576481645e+17",
        "498484681984085570      | f | -1 | 498484681984085570",
        "-5.8339553793802237e+23 | g | -1 | -5.8339553793802237e+23",
        // Beside a power of two the doubles below are closer together: the nearest 16-digit
        // decimal of 2^-24 reads back as its neighbour, the one above it as 2^-24.
        "5.9604644775390625e-08  | g | -1 | 5.960464477539063e-08",
        "1152921504606846976     | f | -1 | 1152921504606847000",
    })
    void formatsAsGo(double value, char fmt, int prec, String expected) {
        assertThat(FloatFormat.format(value, fmt, prec)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "FormatFloat({0}, g, -1) = {1}")
    @CsvSource({"Infinity, +Inf", "-Infinity, -Inf", "NaN, NaN", "-0.0, -0"})
    void writesTheSpecialValuesAsGo(double value, String expected) {
        assertThat(FloatFormat.format(value, 'g', -1)).isEqualTo(expected);
    }
}
