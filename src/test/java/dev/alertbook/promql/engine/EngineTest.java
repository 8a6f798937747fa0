package dev.alertbook.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alertbook.promql.PromQL;
import java.time.Duration;
import org.junit.jupiter.api.Test;

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
    void timeoutStopsWithAClearError() {
        Engine engine = new Engine(counters(10, 41), EngineOptions.DEFAULT.withTimeout(Duration.ZERO));
        assertThatThrownBy(() -> range(engine, "x_total", 600_000))
                .isInstanceOf(QueryException.class)
                .hasMessage("query timed out in query execution");
    }
}
