package dev.alertbook.golang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Prometheus's {@code model.ParseDuration} and {@code Duration.String} (prometheus/common's
 * model/time_test.go), and Go's {@code time.Duration.String} (time_test.go).
 */
class DurationsTest {

    private static final long MS = 1_000_000L;

    @ParameterizedTest(name = "ParseDuration({0}) = {1} ms, String() = {2}")
    @CsvSource({
        "0, 0, 0s",
        "0s, 0, 0s",
        "324ms, 324, 324ms",
        "3s, 3000, 3s",
        "5m, 300000, 5m",
        "1h, 3600000, 1h",
        "4d, 345600000, 4d",
        "4d1h, 349200000, 4d1h",
        "14d, 1209600000, 2w",
        "3w, 1814400000, 3w",
        "1w3d, 864000000, 10d",
        "10y, 315360000000, 10y",
        "1y1w1d1h1m1s1ms, 32230861001, 373d1h1m1s1ms",
        "90d, 7776000000, 90d",
    })
    void readsAndWritesPrometheusDurations(String text, long millis, String written) {
        Durations.Parsed parsed = Durations.parse(text);

        assertThat(parsed.error()).isEmpty();
        assertThat(parsed.nanos()).isEqualTo(millis * MS);
        assertThat(Durations.format(parsed.nanos())).isEqualTo(written);
    }

    @ParameterizedTest(name = "ParseDuration({0}) fails: {1}")
    @CsvSource(delimiter = '|', value = {
        "''       | empty duration string",
        "5        | not a valid duration string: \"5\"",
        "1m1h     | not a valid duration string: \"1m1h\"",
        "-1s      | not a valid duration string: \"-1s\"",
        "1.5h     | unknown unit \".\" in duration \"1.5h\"",
        "5x       | unknown unit \"x\" in duration \"5x\"",
        "300000000y | duration out of range",
    })
    void refusesWhatPrometheusRefuses(String text, String error) {
        assertThat(Durations.parse(text).error()).contains(error);
    }

    @ParameterizedTest(name = "time.Duration({1}).String() = {0}")
    @CsvSource({
        "0s, 0",
        "1ns, 1",
        "1.1µs, 1100",
        "2.2ms, 2200000",
        "3.3s, 3300000000",
        "4m5s, 245000000000",
        "4m5.001s, 245001000000",
        "5h6m7.001s, 18367001000000",
        "8m0.000000001s, 480000000001",
        "2562047h47m16.854775807s, 9223372036854775807",
        "-2562047h47m16.854775808s, -9223372036854775808",
        "-1.5s, -1500000000",
    })
    void writesGoDurations(String expected, long nanos) {
        assertThat(Durations.formatGo(nanos)).isEqualTo(expected);
    }
}
