package dev.alertbook.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.alertbook.promql.PromQL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code histogram_fraction} over classic buckets, with the cases of Prometheus's BucketFraction. */
class ClassicHistogramsTest {

    /** Buckets written {@code le:count le:count …}. */
    private static List<ClassicHistograms.Bucket> buckets(String text) {
        List<ClassicHistograms.Bucket> buckets = new ArrayList<>();
        for (String bucket : text.trim().split("\\s+")) {
            String[] parts = bucket.split(":");
            buckets.add(new ClassicHistograms.Bucket(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
        }
        return buckets;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // The (-Inf, -3] bucket is never interpolated: a bound inside it stands for all of it.
        "-3:10 -2:12 -1:15 Infinity:100 | -4        | -2        | 0.02",
        "-3:10 -2:12 -1:15 Infinity:100 | -Infinity | -2        | 0.12",
        "-3:10 -2:12 -1:15 Infinity:100 | -4        | -3.5      | 0",
        "-3:10 -2:12 -1:15 Infinity:100 | -Infinity | -3.5      | 0.1",
        "-3:997 Infinity:997            | -5        | -1        | 0",
        // Nor is the +Inf bucket: a bound inside it stands for none of it.
        "-3:10 -2:12 -1:15 Infinity:100 | -2        | 5         | 0.03",
        "-3:10 -2:12 -1:15 Infinity:100 | -Infinity | Infinity  | 1",
        // With a positive first bucket, it starts at 0 and is interpolated.
        "1:1 2:3 3:6 Infinity:100       | 0         | 1.5       | 0.02",
        "1:1 2:3 3:6 Infinity:100       | 0.5       | 1.5       | 0.015",
        "1:1 2:3 3:6 Infinity:100       | -1        | 1         | 0.01",
        "1:1 2:3 3:6 Infinity:100       | 2         | 1         | 0",
        // Unsorted input and equal bounds, merged.
        "Infinity:60 2:3 1:1 Infinity:40 | 1        | 2         | 0.02",
    })
    void fractionOfTheObservationsBetweenTwoBounds(String buckets, double lower, double upper, double expected) {
        assertThat(ClassicHistograms.fraction(lower, upper, buckets(buckets))).isCloseTo(expected, offset(1e-12));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1:1 2:3                 | 0   | 1",
        "1:0 Infinity:0          | 0   | 1",
        "1:1 Infinity:5          | NaN | 1",
    })
    void undefinedFractionsAreNaN(String buckets, double lower, double upper) {
        assertThat(ClassicHistograms.fraction(lower, upper, buckets(buckets))).isNaN();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "histogram_fraction(-4, -2, h_bucket)        | 0.02",
        "histogram_fraction(-Inf, -3.5, h_bucket)    | 0.1",
    })
    void theQueryReadsTheBucketsFromTheLeLabel(String query, double expected) {
        SeriesStore store = new SeriesStore();
        String[][] buckets = {{"-3", "10"}, {"-2", "12"}, {"-1", "15"}, {"+Inf", "100"}};
        for (String[] b : buckets) {
            store.add(Labels.of("__name__", "h_bucket", "le", b[0]), 0, Double.parseDouble(b[1]));
        }
        Value.Vector result = (Value.Vector) new Engine(store, EngineOptions.DEFAULT)
                .instant(PromQL.parse(query).tree(), query, 0).value();
        assertThat(result.samples()).singleElement().satisfies(s -> {
            assertThat(s.labels()).isEqualTo(Labels.EMPTY);
            assertThat(s.value()).isCloseTo(expected, offset(1e-12));
        });
    }
}
