package dev.alertbook.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The published test vectors of xxHash64 (seed 0), across the short, 4-, 8- and 32-byte paths. */
class XxHash64Test {

    @ParameterizedTest
    @CsvSource({
        "'', EF46DB3751D8E999",
        "a, D24EC4F1A98C6E5B",
        "abc, 44BC2CF5AD770999",
        "message digest, 066ED728FCEEB3BE",
        "abcdefghijklmnopqrstuvwxyz, CFE1F278FA89835C",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789, AAA46907D3047814",
    })
    void matchesTheReferenceHashes(String input, String hex) {
        assertThat(XxHash64.hash(input.getBytes(StandardCharsets.UTF_8))).isEqualTo(Long.parseUnsignedLong(hex, 16));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "9223372036854775807, 9.223372036854775807E18", "-1, 1.8446744073709552E19"})
    void unsignedValuesRoundAsGoConvertsThem(long hash, double expected) {
        assertThat(XxHash64.unsigned(hash)).isEqualTo(expected);
    }
}
