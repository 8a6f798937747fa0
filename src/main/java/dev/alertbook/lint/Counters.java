package dev.alertbook.lint;

import dev.alertbook.promql.Call;
import dev.alertbook.promql.Expr;
import dev.alertbook.promql.MatrixSelector;
import dev.alertbook.promql.Matcher;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the counter checks share: which calls take a counter, and the metric they read. */
final class Counters {

    /** The functions that only make sense on a counter. */
    static final List<String> FUNCTIONS = List.of("rate", "irate", "increase");

    /** Suffixes the Prometheus naming conventions give counters and a histogram's counters. */
    static final List<String> SUFFIXES = List.of("_total", "_count", "_sum", "_bucket");

    private Counters() {
    }

    /** The range selector of a {@code rate}, {@code irate} or {@code increase} call, if that is what it is. */
    static Optional<MatrixSelector> rangeOf(Expr expr) {
        if (expr instanceof Call call && FUNCTIONS.contains(call.function().name())
                && ExprTree.unwrap(call.args().get(0)) instanceof MatrixSelector matrix) {
            return Optional.of(matrix);
        }
        return Optional.empty();
    }

    /** The metric name a selector reads, written or as {@code __name__="…"}; empty when it is not one name. */
    static Optional<String> metric(MatrixSelector matrix) {
        if (!matrix.selector().name().isEmpty()) {
            return Optional.of(matrix.selector().name());
        }
        return matrix.selector().matchers().stream()
                .filter(m -> m.name().equals("__name__") && m.type() == Matcher.Type.EQUAL)
                .map(Matcher::value).findFirst();
    }

    /**
     * The words of a metric name that mark a gauge: units and quantities that cannot count up
     * (anywhere in the name), and states that come and go (as its last word). Many exporters name
     * counters without {@code _total}, so a name merely lacking a counter suffix says too little.
     */
    private static final Set<String> GAUGE_WORDS = Set.of("ratio", "percent", "percentage", "celsius", "temperature");
    private static final Set<String> GAUGE_LAST_WORDS = Set.of("info", "size", "limit", "usage", "utilization", "up",
            "connections", "queue", "cpu", "gauge", "free", "available", "used");
    private static final Set<String> COUNTER_WORDS = Set.of("total", "count", "sum", "bucket");

    /** Named like a gauge: no counter word, and a gauge's word in it or at its end. */
    static boolean isGaugeName(String metric) {
        List<String> words = List.of(metric.split("[_:]"));
        return words.stream().noneMatch(COUNTER_WORDS::contains)
                && (words.stream().anyMatch(GAUGE_WORDS::contains) || GAUGE_LAST_WORDS.contains(words.get(words.size() - 1)));
    }
}
