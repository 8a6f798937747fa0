package dev.alertbook.promql.engine;

import dev.alertbook.promql.Expr;
import dev.alertbook.promql.PromQL;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Dashboard-sized range queries; one operation is the whole query, so the score is seconds per
 * query. {@link #sumByLabelOfRate}: {@code sum by (label) (rate(x[5m]))} over 10,000 counters
 * holding one day of samples every 15 s (57.6 million samples), from start to end of that day
 * with a one-minute step (1,441 steps). {@link #p99OfNativeHistograms}: the latency SLO query
 * {@code histogram_quantile(0.99, sum by (label) (rate(h[5m])))} over 1,000 native histograms
 * (schema 3, 24 buckets) holding six hours of samples every 15 s (1.44 million histograms), over
 * those six hours with a one-minute step (361 steps).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class EngineBenchmark {

    private static final int GROUPS = 10;
    private static final long SCRAPE_MILLIS = 15_000;

    /** A store of series named {@code metric}, {@code label} taking {@link #GROUPS} values, and the query over them. */
    abstract static class Dataset {

        Engine engine;
        Expr expr;

        /** Stores the samples of series {@code i}. */
        abstract void addSeries(SeriesStore store, Labels labels, int i);

        void load(String metric, int series, String query) {
            SeriesStore store = new SeriesStore();
            for (int i = 0; i < series; i++) {
                addSeries(store, Labels.of("__name__", metric, "label", "g" + (i % GROUPS), "instance", "i" + i), i);
            }
            engine = new Engine(store, EngineOptions.DEFAULT);
            expr = PromQL.parse(query).tree();
        }
    }

    /** Float counters that grow unevenly and reset now and then, so rate does its real work. */
    @State(Scope.Benchmark)
    public static class Counters extends Dataset {

        static final long DAY_MILLIS = 86_400_000;
        static final String QUERY = "sum by (label) (rate(x[5m]))";

        @Setup
        public void load() {
            load("x", 10_000, QUERY);
        }

        @Override
        void addSeries(SeriesStore store, Labels labels, int i) {
            double value = 0;
            for (long t = 0; t <= DAY_MILLIS - SCRAPE_MILLIS; t += SCRAPE_MILLIS) {
                value = (t / SCRAPE_MILLIS + i) % 997 == 0 ? 0 : value + (i % 7) + 1;
                store.add(labels, t, value);
            }
        }
    }

    /**
     * Native histogram counters with 24 buckets each, whose observations drift across the buckets
     * over time and reset now and then, so rate subtracts, detects resets and the quantile moves.
     */
    @State(Scope.Benchmark)
    public static class Histograms extends Dataset {

        static final int BUCKETS = 24;
        static final long HOURS_MILLIS = 6 * 3_600_000L;
        static final String QUERY = "histogram_quantile(0.99, sum by (label) (rate(h[5m])))";

        @Setup
        public void load() {
            load("h", 1_000, QUERY);
        }

        @Override
        void addSeries(SeriesStore store, Labels labels, int i) {
            double[] counts = new double[BUCKETS];
            double sum = 0;
            for (long t = 0; t <= HOURS_MILLIS - SCRAPE_MILLIS; t += SCRAPE_MILLIS) {
                long step = t / SCRAPE_MILLIS;
                if ((step + i) % 997 == 0) {
                    counts = new double[BUCKETS];
                    sum = 0;
                }
                double total = 0;
                for (int b = 0; b < BUCKETS; b++) {
                    double added = (b + i + step / 60) % 5;
                    counts[b] += added;
                    sum += added * FloatHistogram.upperBound(b - 12, 3);
                    total += counts[b];
                }
                store.add(labels, t, new FloatHistogram(FloatHistogram.CounterResetHint.UNKNOWN, 3, 0, 0, total, sum,
                        FloatHistogram.Buckets.run(-12, counts), FloatHistogram.Buckets.NONE, null));
            }
        }
    }

    @Benchmark
    public QueryResult sumByLabelOfRate(Counters state) {
        return state.engine.range(state.expr, Counters.QUERY, 0, Counters.DAY_MILLIS, 60_000);
    }

    @Benchmark
    public QueryResult p99OfNativeHistograms(Histograms state) {
        return state.engine.range(state.expr, Histograms.QUERY, 0, Histograms.HOURS_MILLIS, 60_000);
    }
}
