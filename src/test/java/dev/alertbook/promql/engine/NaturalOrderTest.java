package dev.alertbook.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** sort_by_label's natural order: digit runs as numbers, other runs as text. */
class NaturalOrderTest {

    @ParameterizedTest
    @CsvSource({
        "a2, a10, true",
        "a10, a2, false",
        "node-2, node-10, true",
        "abc, abd, true",
        "a1b, a1, false",
        "a1, a1b, true",
        "10, 9, false",
        "x, x, true",
    })
    void ordersNumbersWithinStringsByValue(String a, String b, boolean precedes) {
        assertThat(NaturalOrder.precedes(a, b)).isEqualTo(precedes);
    }
}
