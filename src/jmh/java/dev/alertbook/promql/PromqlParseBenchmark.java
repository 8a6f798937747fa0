package dev.alertbook.promql;

import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Parsing and type-checking the whole corpus, one expression per operation, so the score is
 * expressions per second. Each distinct expression counts once: rules_large.yml alone repeats
 * {@code vector(1)} ten thousand times, which would make the figure mostly about that. Run with
 * {@code mvn -B -Pbench -DskipTests verify} (see docs/benchmarks.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class PromqlParseBenchmark {

    private String[] queries;
    private int next;

    @Setup
    public void loadCorpus() {
        queries = Stream.concat(Corpus.rules().stream(), Corpus.promqltest().stream()).map(Corpus.Query::expr)
                .distinct().toArray(String[]::new);
    }

    @Benchmark
    public ParseResult parseCorpusExpression() {
        String query = queries[next];
        next = next + 1 == queries.length ? 0 : next + 1;
        return PromQL.parse(query, ParseOptions.ALL);
    }
}
