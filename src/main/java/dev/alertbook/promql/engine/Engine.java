package dev.alertbook.promql.engine;

import dev.alertbook.promql.Expr;
import dev.alertbook.promql.ValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs instant and range queries over a {@link SeriesStore}. Times are Unix milliseconds. */
public final class Engine {

    private final SeriesStore store;
    private final EngineOptions options;

    public Engine(SeriesStore store, EngineOptions options) {
        this.store = store;
        this.options = options;
    }

    /** Evaluates {@code expr} (parsed from {@code query}, which annotations point into) at one instant. */
    public QueryResult instant(Expr expr, String query, long time) {
        Annotations annotations = new Annotations(query);
        Evaluator evaluator = new Evaluator(store, options, annotations, new QueryTimes(time, time, 0), expr);
        Value value = evaluator.eval(expr, time);
        if (value instanceof Value.Vector vector) {
            value = new Value.Vector(finish(vector.samples()));
        } else if (value instanceof Value.Matrix matrix) {
            value = new Value.Matrix(finishMatrix(matrix.series()));
        }
        return annotations.result(value);
    }

    /** Evaluates {@code expr} at every step from start to end; the result is a matrix sorted by labels. */
    public QueryResult range(Expr expr, String query, long start, long end, long step) {
        if (step <= 0) {
            // Prometheus's API refuses it with this message; the step loop below would never end.
            throw new QueryException("zero or negative query resolution step widths are not accepted. Try a positive integer");
        }
        if (expr.type() != ValueType.SCALAR && expr.type() != ValueType.VECTOR) {
            throw new QueryException("invalid expression type \"" + expr.type().documented()
                    + "\" for range query, must be Scalar or instant Vector");
        }
        Annotations annotations = new Annotations(query);
        Evaluator evaluator = new Evaluator(store, options, annotations, new QueryTimes(start, end, step), expr);
        Map<Labels, RangeSeries> series = new LinkedHashMap<>();
        for (long t = start; t <= end; t += step) {
            Value value = evaluator.eval(expr, t);
            List<Sample> samples = value instanceof Value.Scalar scalar
                    ? List.of(new Sample(Labels.EMPTY, scalar.value(), false))
                    : finish(((Value.Vector) value).samples());
            for (Sample s : samples) {
                series.computeIfAbsent(s.labels(), l -> new RangeSeries(l, false, 16)).add(t, s);
            }
            evaluator.limits.endStep(samples.size());
        }
        List<RangeSeries> sorted = new ArrayList<>(series.values());
        sorted.sort((a, b) -> a.labels().compareTo(b.labels()));
        return annotations.result(new Value.Matrix(sorted));
    }

    /** Removes the names marked for dropping; two series left with the same labels are an error. */
    private static List<Sample> finish(List<Sample> samples) {
        List<Sample> out = new ArrayList<>(samples.size());
        Set<Labels> seen = new HashSet<>();
        for (Sample s : samples) {
            Labels labels = s.finalLabels();
            if (!seen.add(labels)) {
                throw new QueryException("vector cannot contain metrics with the same labelset");
            }
            out.add(new Sample(labels, s.value(), false, s.histogram()));
        }
        return out;
    }

    private static List<RangeSeries> finishMatrix(List<RangeSeries> series) {
        List<RangeSeries> out = new ArrayList<>(series.size());
        for (RangeSeries s : series) {
            if (!s.dropName()) {
                out.add(s);
                continue;
            }
            out.add(s.relabelled(s.labels().withoutMetricName(), false));
        }
        out.sort((a, b) -> a.labels().compareTo(b.labels()));
        return out;
    }
}
