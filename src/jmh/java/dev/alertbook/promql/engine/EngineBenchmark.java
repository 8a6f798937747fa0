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
 * A dashboard-sized range query: {@code sum by (label) (rate(x[5m]))} over 10,000 counters holding
 * one day of samples every 15 s (57.6 million samples), from start to end of that day with a
 * one-minute step (1,441 steps). One operation is the whole query, so the score is seconds per query.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class EngineBenchmark {

    private static final int SERIES = 10_000;
    private static final int GROUPS = 10;
    private static final long SCRAPE_MILLIS = 15_000;
    private static final long DAY_MILLIS = 86_400_000;

    private static final String QUERY = "sum by (label) (rate(x[5m]))";

    private Engine engine;
    private Expr expr;

    @Setup
    public void load() {
        SeriesStore store = new SeriesStore();
        for (int i = 0; i < SERIES; i++) {
            Labels labels = Labels.of("__name__", "x", "label", "g" + (i % GROUPS), "instance", "i" + i);
            double value = 0;
            for (long t = 0; t <= DAY_MILLIS - SCRAPE_MILLIS; t += SCRAPE_MILLIS) {
                // Counters that grow unevenly and reset now and then, so rate does its real work.
                value = (t / SCRAPE_MILLIS + i) % 997 == 0 ? 0 : value + (i % 7) + 1;
                store.add(labels, t, value);
            }
        }
        engine = new Engine(store, EngineOptions.DEFAULT);
        expr = PromQL.parse(QUERY).tree();
    }

    @Benchmark
    public QueryResult sumByLabelOfRate() {
        return engine.range(expr, QUERY, 0, DAY_MILLIS, 60_000);
    }
}
