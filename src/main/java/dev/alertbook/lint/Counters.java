package dev.alertbook.lint;

import dev.alertbook.promql.Call;
import dev.alertbook.promql.Expr;
import dev.alertbook.promql.MatrixSelector;
import dev.alertbook.promql.Matcher;
import java.util.List;
import java.util.Optional;

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
     * Endings that only gauges have by the naming conventions (a ratio, a temperature, a current
     * count). Many exporters name counters without {@code _total}, so a name merely lacking a
     * counter suffix says too little: only these mark a metric as a gauge.
     */
    static final List<String> GAUGE_SUFFIXES = List.of("_ratio", "_percent", "_percentage", "_average", "_avg",
            "_celsius", "_temperature", "_info", "_size", "_limit", "_usage", "_utilization", "_up", "_connections",
            "_queue", "_cpu", "_current", "_gauge", "_free", "_available", "_used");

    static boolean isCounterName(String metric) {
        return SUFFIXES.stream().anyMatch(metric::endsWith);
    }

    /** Named like a gauge: no counter suffix, and a gauge's ending or {@code _current_} in it. */
    static boolean isGaugeName(String metric) {
        return !isCounterName(metric)
                && (GAUGE_SUFFIXES.stream().anyMatch(metric::endsWith) || metric.contains("_current_"));
    }
}
