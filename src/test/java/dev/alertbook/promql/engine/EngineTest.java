package dev.alertbook.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alertbook.golang.FloatFormat;
import dev.alertbook.promql.PromQL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineTest {

    private static SeriesStore counters(int series, int samples) {
        SeriesStore store = new SeriesStore();
        for (int i = 0; i < series; i++) {
            for (int k = 0; k < samples; k++) {
                store.add(Labels.of("__name__", "x_total", "i", "" + i), k * 15_000L, k);
            }
        }
        return store;
    }

    private static QueryResult range(Engine engine, String query, long end) {
        return engine.range(PromQL.parse(query).tree(), query, 0, end, 60_000);
    }

    @Test
    void sumsRatesOverARange() {
        Engine engine = new Engine(counters(3, 41), EngineOptions.DEFAULT);
        Value.Matrix result = (Value.Matrix) range(engine, "sum(rate(x_total[5m]))", 600_000).value();
        assertThat(result.series()).hasSize(1);
        RangeSeries sum = result.series().get(0);
        assertThat(sum.labels()).isEqualTo(Labels.EMPTY);
        assertThat(sum.value(sum.size() - 1)).isCloseTo(3 / 15.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void staleMarkerEndsLookback() {
        SeriesStore store = new SeriesStore();
        store.add(Labels.of("__name__", "up"), 0, 1);
        store.add(Labels.of("__name__", "up"), 15_000, StaleMarker.VALUE);
        Engine engine = new Engine(store, EngineOptions.DEFAULT);
        Value.Vector at30s = (Value.Vector) engine.instant(PromQL.parse("up").tree(), "up", 30_000).value();
        assertThat(at30s.samples()).isEmpty();
    }

    @Test
    void tooManySamplesStopsWithAClearError() {
        Engine engine = new Engine(counters(100, 41), EngineOptions.DEFAULT.withMaxSamples(1000));
        assertThatThrownBy(() -> range(engine, "rate(x_total[5m])", 600_000))
                .isInstanceOf(QueryException.class)
                .hasMessage("query processing would load too many samples into memory in query execution");
    }

    @Test
    void aQueryMayLoadFiftyMillionSamplesByDefault() {
        assertThat(EngineOptions.DEFAULT.maxSamples()).isEqualTo(50_000_000);
    }

    @Test
    void tooManySamplesInASubqueryStopsAnInstantQuery() {
        Engine engine = new Engine(counters(100, 41), EngineOptions.DEFAULT.withMaxSamples(1000));
        assertThatThrownBy(() -> engine.instant(PromQL.parse("max_over_time(x_total[10m:15s])").tree(), "", 600_000))
                .isInstanceOf(QueryException.class)
                .hasMessage("query processing would load too many samples into memory in query execution");
    }

    @ParameterizedTest
    @CsvSource({"0", "-60000"})
    void aRangeQueryNeedsAPositiveStep(long step) {
        Engine engine = new Engine(counters(1, 41), EngineOptions.DEFAULT);
        assertThatThrownBy(() -> engine.range(PromQL.parse("x_total").tree(), "x_total", 0, 600_000, step))
                .isInstanceOf(QueryException.class)
                .hasMessage("zero or negative query resolution step widths are not accepted. Try a positive integer");
    }

    @Test
    void timeoutStopsWithAClearError() {
        Engine engine = new Engine(counters(10, 41), EngineOptions.DEFAULT.withTimeout(Duration.ZERO));
        assertThatThrownBy(() -> range(engine, "x_total", 600_000))
                .isInstanceOf(QueryException.class)
                .hasMessage("query timed out in query execution");
    }

    /** {@code h} holds {{count:2 sum:3 buckets:[2]}} at 0 and 1m, then a stale marker at 2m. */
    private static Engine histograms() {
        SeriesStore store = new SeriesStore();
        Labels h = Labels.of("__name__", "h", "job", "a");
        FloatHistogram histogram = new FloatHistogram(FloatHistogram.CounterResetHint.UNKNOWN, 0, 0, 0, 2, 3,
                FloatHistogram.Buckets.run(0, 2.0), FloatHistogram.Buckets.NONE, null);
        store.add(h, 0, histogram);
        store.add(h, 60_000, histogram);
        store.add(h, 120_000, StaleMarker.VALUE);
        return new Engine(store, EngineOptions.DEFAULT);
    }

    private static Value instant(Engine engine, String query, long time) {
        return engine.instant(PromQL.parse(query).tree(), query, time).value();
    }

    @Test
    void aPlainSelectorReturnsHistogramSamples() {
        Sample sample = ((Value.Vector) instant(histograms(), "(h)", 90_000)).samples().get(0);
        assertThat(sample.labels()).isEqualTo(Labels.of("__name__", "h", "job", "a"));
        assertThat(sample.value()).isZero();
        assertThat(sample.histogram().testExpression()).isEqualTo("{{count:2 sum:3 counter_reset_hint:not_reset buckets:[2]}}");
        assertThat(((Value.Vector) instant(histograms(), "h", 120_000)).samples()).as("stale at 2m").isEmpty();
        assertThat(((Value.Vector) instant(histograms(), "timestamp(h)", 90_000)).samples().get(0).value()).isEqualTo(60);
    }

    /** Operators, aggregations and functions compute with histograms as Prometheus does. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sum by (job) (h)           | {{count:2 sum:3 counter_reset_hint:not_reset buckets:[2]}}",
        "h * 2                      | {{count:4 sum:6 counter_reset_hint:not_reset buckets:[4]}}",
        "h / 2                      | {{count:1 sum:1.5 counter_reset_hint:not_reset buckets:[1]}}",
        "-h                         | {{count:-2 sum:-3 counter_reset_hint:gauge buckets:[-2]}}",
        "h - h                      | {{counter_reset_hint:gauge}}",
        "h + h                      | {{count:4 sum:6 counter_reset_hint:not_reset buckets:[4]}}",
        "rate(h[5m])                | {{counter_reset_hint:gauge}}",
        "sum_over_time(h[5m])       | {{count:4 sum:6 buckets:[4]}}",
        "last_over_time(h[5m])      | {{count:2 sum:3 counter_reset_hint:not_reset buckets:[2]}}",
        "histogram_count(h)         | 2",
        "histogram_sum(h)           | 3",
        "histogram_avg(h)           | 1.5",
        "histogram_quantile(1, h)   | 1",
        "histogram_fraction(0, 1, h) | 1",
        "count_over_time(h[5m])     | 2",
    })
    void computesWithHistogramSamples(String query, String expected) {
        Sample sample = ((Value.Vector) instant(histograms(), query, 60_000)).samples().get(0);
        assertThat(sample.isHistogram() ? sample.histogram().testExpression() : FloatFormat.format(sample.value(), 'g', -1))
                .isEqualTo(expected);
    }

    /** What histograms cannot take part in drops the sample, and Prometheus's info says why. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "h + 1      | PromQL info: incompatible sample types encountered for binary operator \"+\": histogram + float (1:1)",
        "max(h)     | PromQL info: ignored histogram in max aggregation (1:5)",
        "sort(h)    | ",
        "h > 1      | PromQL info: incompatible sample types encountered for binary operator \">\": histogram > float (1:1)",
    })
    void incompatibleHistogramSamplesAreDropped(String query, String info) {
        QueryResult result = histograms().instant(PromQL.parse(query).tree(), query, 60_000);
        assertThat(((Value.Vector) result.value()).samples()).isEmpty();
        assertThat(result.infos()).containsExactlyElementsOf(info == null ? List.of() : List.of(info));
    }

    /** Prometheus's float functions skip histogram samples: only the float series {@code x} is left. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "abs(data)                | -2.5 | 2.5",
        "round(data)              | -2.5 | -2",
        "clamp_min((data), 0)     | -2.5 | 0",
        "day_of_month(data)       | 0    | 1",
        "vector(scalar(data))     | 7    | 7",
    })
    void floatFunctionsSkipHistogramSamples(String query, double value, double expected) {
        SeriesStore store = new SeriesStore();
        FloatHistogram histogram = new FloatHistogram(FloatHistogram.CounterResetHint.UNKNOWN, 0, 0, 0, 1, 1,
                FloatHistogram.Buckets.run(0, 1.0), FloatHistogram.Buckets.NONE, null);
        store.add(Labels.of("__name__", "data", "type", "histogram"), 0, histogram);
        store.add(Labels.of("__name__", "data", "type", "float"), 0, value);
        Value.Vector result = (Value.Vector) new Engine(store, EngineOptions.DEFAULT)
                .instant(PromQL.parse(query).tree(), query, 0).value();
        assertThat(result.samples()).singleElement().satisfies(sample -> assertThat(sample.value()).isEqualTo(expected));
    }

    /** They read only native histograms and skip floats, as Prometheus's do. */
    @ParameterizedTest
    @CsvSource({"histogram_count", "histogram_sum", "histogram_avg", "histogram_stddev", "histogram_stdvar"})
    void histogramOnlyFunctionsReturnNothingForFloats(String function) {
        Engine engine = new Engine(counters(3, 41), EngineOptions.DEFAULT);
        String query = function + "(rate(x_total[5m]))";
        QueryResult result = engine.instant(PromQL.parse(query).tree(), query, 600_000);
        assertThat(((Value.Vector) result.value()).samples()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.infos()).isEmpty();
    }

    @Test
    void aRangeQueryReturnsHistogramSamples() {
        RangeSeries series = ((Value.Matrix) range(histograms(), "h", 120_000).value()).series().get(0);
        assertThat(series.size()).as("no float points").isZero();
        assertThat(series.histogramCount()).as("stale at 2m").isEqualTo(2);
        assertThat(series.histogramTime(1)).isEqualTo(60_000);
        assertThat(series.histogram(0).count()).isEqualTo(2);
    }
}
