package dev.alertbook.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.promql.Matcher;
import dev.alertbook.promql.engine.FloatHistogram.Buckets;
import dev.alertbook.promql.engine.FloatHistogram.CounterResetHint;
import dev.alertbook.promql.series.SeriesLine;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The histogram value: Prometheus's TestExpression() text, and the counter reset hint the storage reads back. */
class FloatHistogramTest {

    private static FloatHistogram literal(String text) {
        return SeriesLine.parse("{} " + text).histograms().get(0);
    }

    private static FloatHistogram histogram(Buckets positive, Buckets negative) {
        return new FloatHistogram(CounterResetHint.UNKNOWN, 0, 0, 0, 0, 0, positive, negative, null);
    }

    /** The literals of promtool's unittest.yml and Prometheus's parser tests print in Prometheus's key order. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{{schema:1 sum:-0.3 count:32.1 z_bucket:7.1 z_bucket_w:0.05 buckets:[5.1 10 7] offset:-3 n_buckets:[4.1 5] n_offset:-5}}"
                + " | {{schema:1 count:32.1 sum:-0.3 z_bucket:7.1 z_bucket_w:0.05 offset:-3 buckets:[5.1 10 7] n_offset:-5 n_buckets:[4.1 5]}}",
        "{{count:2 sum:3 counter_reset_hint:not_reset buckets:[2]}} | {{count:2 sum:3 counter_reset_hint:not_reset buckets:[2]}}",
        "{{buckets:[2] counter_reset_hint:reset z_bucket_w:0.05 schema:1}} | {{schema:1 z_bucket_w:0.05 counter_reset_hint:reset buckets:[2]}}",
        "{{counter_reset_hint:gauge custom_values:[5 10] schema:-53}} | {{schema:-53 custom_values:[5 10] counter_reset_hint:gauge}}",
        "{{counter_reset_hint:unknown sum:0 buckets:[0 0]}} | {{}}",
        "{{sum:NaN count:-Inf z_bucket:1e21 buckets:[0.0001 0.00001]}} | {{count:-Inf sum:NaN z_bucket:1e+21 buckets:[0.0001 1e-05]}}",
    })
    void testExpressionIsPrometheuss(String literal, String expression) {
        assertThat(literal(literal).testExpression()).isEqualTo(expression);
        assertThat(literal(expression).testExpression()).isEqualTo(expression);
    }

    /** Compacting cuts empty buckets at the edges and keeps those between, as after merging Prometheus's spans. */
    /** Prometheus prints it too, though its own parser cannot read an empty list back. */
    @Test
    void customBucketsWithoutBoundsPrintAnEmptyList() {
        assertThat(literal("{{schema:-53}}").testExpression()).isEqualTo("{{schema:-53 custom_values:[]}}");
    }

    @Test
    void testExpressionCompactsToOneRunPerSide() {
        FloatHistogram h = histogram(Buckets.run(-4, 0.0, 5.1, 0.0, 0.0, 0.0, 0.0, 10.0, 7.0, 0.0),
                Buckets.run(-2, 0.0, 4.1, 5.0, 0.0, 0.0, 7.0, 8.0, 9.0));
        assertThat(h.testExpression()).isEqualTo("{{offset:-3 buckets:[5.1 0 0 0 0 10 7] n_offset:-1 n_buckets:[4.1 5 0 0 7 8 9]}}");
        assertThat(histogram(Buckets.run(3, 0.0, 0.0), Buckets.NONE).testExpression()).isEqualTo("{{}}");
    }

    @Test
    void aFinerIncrementLosesItsBucketsInsideTheZeroBucket() {
        FloatHistogram sum = literal("{{z_bucket_w:1 buckets:[1 1]}}").plus(literal("{{z_bucket_w:1 buckets:[2 2]}}")).histogram();
        assertThat(sum.testExpression()).as("bucket 0 ends at 1, inside the zero bucket").isEqualTo("{{z_bucket_w:1 buckets:[1 3]}}");
    }

    @Test
    void upperBoundsAreThePowersOfTwoOfTheSchema() {
        assertThat(FloatHistogram.upperBound(1, 0)).isEqualTo(2);
        assertThat(FloatHistogram.upperBound(-1, 0)).isEqualTo(0.5);
        assertThat(FloatHistogram.upperBound(3, -1)).isEqualTo(64);
        assertThat(FloatHistogram.upperBound(1, 1)).isEqualTo(Math.sqrt(2));
        assertThat(FloatHistogram.upperBound(1024, 0)).isEqualTo(Double.MAX_VALUE);
    }

    private static List<String> storedHints(String... literals) {
        SeriesStore store = new SeriesStore();
        Labels labels = Labels.of("__name__", "h");
        for (int i = 0; i < literals.length; i++) {
            if (literals[i].equals("stale")) {
                store.add(labels, i * 60_000L, StaleMarker.VALUE);
            } else {
                store.add(labels, i * 60_000L, literal(literals[i]));
            }
        }
        StoredSeries series = store.select(List.of(new Matcher(Matcher.Type.EQUAL, "__name__", "h"))).get(0);
        return IntStream.range(0, series.size())
                .mapToObj(i -> series.histogram(i) == null ? "float" : series.histogram(i).counterResetHint().literal()).toList();
    }

    /** As a TSDB chunk reads back: the first of a chunk is unknown, the rest of a counter chunk not_reset. */
    @Test
    void storageGivesTheHintPrometheusReadsBack() {
        assertThat(storedHints("{{count:2 buckets:[2]}}", "{{count:2 buckets:[2]}}", "{{count:3 buckets:[3]}}"))
                .containsExactly("unknown", "not_reset", "not_reset");
        assertThat(storedHints("{{count:5 buckets:[5]}}", "{{count:5 buckets:[4 1]}}", "{{count:6 buckets:[4 2]}}"))
                .as("a bucket that went down is a counter reset, which starts a chunk")
                .containsExactly("unknown", "unknown", "not_reset");
        assertThat(storedHints("{{count:1 counter_reset_hint:not_reset}}", "{{count:2 counter_reset_hint:reset}}", "{{count:3}}"))
                .containsExactly("unknown", "unknown", "not_reset");
        assertThat(storedHints("{{count:1}}", "{{schema:1 count:2}}", "stale", "{{schema:1 count:3}}", "{{schema:1 count:3}}"))
                .containsExactly("unknown", "unknown", "float", "unknown", "not_reset");
        assertThat(storedHints("{{count:1 counter_reset_hint:gauge}}", "{{count:0 counter_reset_hint:gauge}}", "{{count:1}}"))
                .containsExactly("gauge", "gauge", "unknown");
    }
}
