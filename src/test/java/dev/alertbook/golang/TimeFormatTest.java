package dev.alertbook.golang;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go's {@code Time.Format} with the layouts of Go's time package, and {@code time.Parse(time.RFC3339, …)}. */
class TimeFormatTest {

    /** Go's reference time, Mon Jan 2 15:04:05 2006, in UTC, with a fraction. */
    private static final long SECONDS = 1_136_214_245L;
    private static final int NANOS = 123_456_789;

    @ParameterizedTest(name = "Format({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "2006-01-02T15:04:05Z07:00                 | 2006-01-02T15:04:05Z",
        "2006-01-02T15:04:05.999999999Z07:00       | 2006-01-02T15:04:05.123456789Z",
        "Mon Jan _2 15:04:05 2006                  | Mon Jan  2 15:04:05 2006",
        "Mon, 02 Jan 2006 15:04:05 MST             | Mon, 02 Jan 2006 15:04:05 UTC",
        "02 Jan 06 15:04 -0700                     | 02 Jan 06 15:04 +0000",
        "3:04PM                                    | 3:04PM",
        "Jan _2 15:04:05.000                       | Jan  2 15:04:05.123",
        "Jan _2 15:04:05.000000                    | Jan  2 15:04:05.123456",
        "2006-01-02 15:04:05.999999999 -0700 MST   | 2006-01-02 15:04:05.123456789 +0000 UTC",
        "Monday, January 2 (day 002) 03 pm         | Monday, January 2 (day 002) 03 pm",
        "Janitor Month                             | Janitor Month",
    })
    void formatsAsGo(String layout, String expected) {
        assertThat(TimeFormat.format(SECONDS, NANOS, layout)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Parse(RFC3339, {0}) = {1}")
    @CsvSource({
        "2006-01-02T15:04:05Z, 2006-01-02T15:04:05Z",
        "2006-01-02T15:04:05+07:00, 2006-01-02T08:04:05Z",
        "2006-01-02T15:04:05-01:30, 2006-01-02T16:34:05Z",
        "2006-01-02T15:04:05.5Z, 2006-01-02T15:04:05.500Z",
        "2006-01-02T15:04:05.1234567891Z, 2006-01-02T15:04:05.123456789Z",
        "1970-01-01T00:00:00Z, 1970-01-01T00:00:00Z",
    })
    void parsesRfc3339AsGo(String text, Instant expected) {
        assertThat(TimeFormat.parseRfc3339(text)).contains(expected);
    }

    @ParameterizedTest(name = "Parse(RFC3339, {0}) fails")
    @ValueSource(strings = {"", "2006-01-02", "2006-01-02T15:04Z", "2006-01-02 15:04:05Z", "2006-01-02T15:04:05",
        "2006-02-30T00:00:00Z", "2006-13-01T00:00:00Z", "2006-01-02T24:00:00Z", "2006-01-02T15:04:05+24:00",
        "2006-01-02T15:04:05z", "06-01-02T15:04:05Z", "2006-01-02T15:04:05.Z"})
    void refusesWhatGoRefuses(String text) {
        assertThat(TimeFormat.parseRfc3339(text)).isEmpty();
    }
}
