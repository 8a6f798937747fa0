package dev.alertbook.promql.engine;

import dev.alertbook.promql.AggregateExpr;
import dev.alertbook.promql.At;
import dev.alertbook.promql.BinaryExpr;
import dev.alertbook.promql.BinaryOp;
import dev.alertbook.promql.Call;
import dev.alertbook.promql.DurationExpr;
import dev.alertbook.promql.Expr;
import dev.alertbook.promql.MatrixSelector;
import dev.alertbook.promql.Modifiers;
import dev.alertbook.promql.NumberLiteral;
import dev.alertbook.promql.ParenExpr;
import dev.alertbook.promql.StringLiteral;
import dev.alertbook.promql.SubqueryExpr;
import dev.alertbook.promql.UnaryExpr;
import dev.alertbook.promql.VectorSelector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates an expression at one instant. A range query runs it once per step, and a subquery
 * runs its inner expression once per inner step: simple, and exactly the semantics of a step.
 */
final class Evaluator {

    final SeriesStore store;
    final EngineOptions options;
    final Annotations annotations;
    final Limits limits;
    final QueryTimes times;
    private final BinaryEvaluator binary = new BinaryEvaluator(this);
    private final Aggregator aggregator = new Aggregator(this);
    private final FunctionEvaluator functions = new FunctionEvaluator(this);
    /**
     * The innermost expression being evaluated that computes with values, null at the top of the
     * query. Selectors read it: only a query that is a plain selection may return native histogram
     * samples, and only functions that skip them may be handed them, since nothing in alertbook
     * computes with them yet.
     */
    private Expr reader;

    Evaluator(SeriesStore store, EngineOptions options, Annotations annotations, QueryTimes times) {
        this.store = store;
        this.options = options;
        this.annotations = annotations;
        this.limits = new Limits(options);
        this.times = times;
    }

    Value eval(Expr expr, long t) {
        limits.checkTime();
        if (expr instanceof NumberLiteral number) {
            return new Value.Scalar(number.value());
        } else if (expr instanceof StringLiteral string) {
            return new Value.Text(string.value());
        } else if (expr instanceof ParenExpr paren) {
            return eval(paren.expr(), t);
        } else if (expr instanceof VectorSelector selector) {
            return select(selector, t, false);
        } else if (expr instanceof DurationExpr duration) {
            return new Value.Scalar(seconds(duration));
        }
        Expr outer = reader;
        reader = expr;
        try {
            return operate(expr, t);
        } finally {
            reader = outer;
        }
    }

    /** The expressions that compute with their operands' values, evaluated with {@link #reader} set to them. */
    private Value operate(Expr expr, long t) {
        if (expr instanceof UnaryExpr unary) {
            return negate(unary, t);
        } else if (expr instanceof MatrixSelector || expr instanceof SubqueryExpr) {
            return new Value.Matrix(window(expr, t).series());
        } else if (expr instanceof BinaryExpr op) {
            return binary.eval(op, t);
        } else if (expr instanceof AggregateExpr aggregate) {
            return aggregator.eval(aggregate, t);
        } else if (expr instanceof Call call) {
            return functions.eval(call, t);
        }
        throw new IllegalStateException("unknown expression " + expr);
    }

    Value.Vector vector(Expr expr, long t) {
        return (Value.Vector) eval(expr, t);
    }

    double scalar(Expr expr, long t) {
        return ((Value.Scalar) eval(expr, t)).value();
    }

    private Value negate(UnaryExpr unary, long t) {
        Value value = eval(unary.expr(), t);
        if (unary.op() == BinaryOp.ADD) {
            return value;
        }
        if (value instanceof Value.Scalar scalar) {
            return new Value.Scalar(-scalar.value());
        }
        List<Sample> out = new ArrayList<>();
        for (Sample s : ((Value.Vector) value).samples()) {
            out.add(s.withValue(-s.value(), true));
        }
        return new Value.Vector(out);
    }

    /** What {@code timestamp(selector)} returns: each selected sample's own time, in seconds. */
    Value.Vector selectTimestamps(VectorSelector selector, long t) {
        return select(selector, t, true);
    }

    private Value.Vector select(VectorSelector selector, long t, boolean timestamps) {
        long at = time(selector.modifiers(), t);
        List<Sample> out = new ArrayList<>();
        for (StoredSeries s : store.select(selector.matchers())) {
            int i = s.after(at) - 1;
            if (i >= 0 && s.time(i) > at - options.lookbackMillis() && !StaleMarker.is(s.value(i))) {
                if (timestamps) {
                    out.add(new Sample(s.labels(), s.time(i) / 1000.0, true));
                    continue;
                }
                FloatHistogram histogram = s.histogram(i);
                if (histogram != null && !mayReadHistograms()) {
                    throw unsupportedHistograms(s);
                }
                out.add(new Sample(s.labels(), s.value(i), false, histogram));
            }
        }
        limits.load(out.size());
        return new Value.Vector(out);
    }

    private boolean mayReadHistograms() {
        return reader == null || reader instanceof Call call && FunctionEvaluator.skipsHistograms(call);
    }

    private QueryException unsupportedHistograms(StoredSeries s) {
        String what;
        if (reader instanceof Call call) {
            what = "function " + call.function().name() + "()";
        } else if (reader instanceof AggregateExpr aggregate) {
            what = "aggregation " + aggregate.op().text();
        } else if (reader instanceof BinaryExpr binaryExpr) {
            what = "operator " + binaryExpr.op().text();
        } else if (reader instanceof UnaryExpr unary) {
            what = "unary " + unary.op().text();
        } else if (reader instanceof SubqueryExpr) {
            what = "subquery";
        } else {
            what = "range selector";
        }
        return QueryException.nativeHistograms(what + " over the histogram samples of " + s.labels());
    }

    /** The series of a range selector or subquery argument, with the window they cover. */
    Window window(Expr expr, long t) {
        if (expr instanceof ParenExpr paren) {
            return window(paren.expr(), t);
        }
        if (expr instanceof SubqueryExpr subquery) {
            return subquery(subquery, t);
        }
        MatrixSelector matrix = (MatrixSelector) expr;
        long end = time(matrix.selector().modifiers(), t);
        long start = end - millis(matrix.rangeNanos(), matrix.rangeExpr());
        List<RangeSeries> out = new ArrayList<>();
        long loaded = 0;
        for (StoredSeries s : store.select(matrix.selector().matchers())) {
            int from = s.after(start);
            int to = s.after(end);
            RangeSeries series = new RangeSeries(s.labels(), false, to - from);
            for (int i = from; i < to; i++) {
                if (s.histogram(i) != null) {
                    throw unsupportedHistograms(s);
                }
                if (!StaleMarker.is(s.value(i))) {
                    series.add(s.time(i), s.value(i));
                }
            }
            if (series.size() > 0) {
                out.add(series);
                loaded += series.size();
            }
        }
        limits.load(loaded);
        return new Window(out, start, end);
    }

    private Window subquery(SubqueryExpr subquery, long t) {
        long end = time(subquery.modifiers(), t);
        long range = millis(subquery.rangeNanos(), subquery.rangeExpr());
        boolean defaultStep = subquery.stepNanos() == 0 && subquery.stepExpr() == null;
        long step = defaultStep ? options.defaultSubqueryStepMillis() : millis(subquery.stepNanos(), subquery.stepExpr());
        long start = end - range;
        // The first inner step is the first multiple of the step after the window's start, so
        // that consecutive evaluations see the same inner points (Go's truncating division).
        long first = step * (start / step);
        if (first <= start) {
            first += step;
        }
        Map<Labels, RangeSeries> series = new LinkedHashMap<>();
        for (long ts = first; ts <= end; ts += step) {
            Value value = eval(subquery.expr(), ts);
            if (value instanceof Value.Scalar scalar) {
                series.computeIfAbsent(Labels.EMPTY, l -> new RangeSeries(l, false, 16)).add(ts, scalar.value());
                continue;
            }
            for (Sample s : ((Value.Vector) value).samples()) {
                series.computeIfAbsent(s.labels(), l -> new RangeSeries(l, s.dropName(), 16)).add(ts, s.value());
            }
        }
        List<RangeSeries> sorted = new ArrayList<>(series.values());
        sorted.sort(Comparator.comparing(RangeSeries::labels));
        return new Window(sorted, start, end);
    }

    /** The time a selector or subquery reads at: {@code @} if given, else the step, minus the offset. */
    long time(Modifiers modifiers, long t) {
        long base = t;
        At at = modifiers.at();
        if (at != null) {
            base = switch (at.kind()) {
                case START -> times.start();
                case END -> times.end();
                case TIMESTAMP -> at.millis();
            };
        }
        return base - millis(modifiers.offsetNanos(), modifiers.offsetExpr());
    }

    private long millis(long nanos, DurationExpr expr) {
        return expr == null ? Math.floorDiv(nanos, 1_000_000) : Math.round(seconds(expr) * 1000);
    }

    private double seconds(Expr duration) {
        if (duration instanceof NumberLiteral number) {
            return number.value();
        }
        if (duration instanceof ParenExpr paren) {
            return seconds(paren.expr());
        }
        DurationExpr d = (DurationExpr) duration;
        double r = d.rhs() == null ? 0 : seconds(d.rhs());
        if (d.lhs() == null) {
            return switch (d.op()) {
                case SUB -> -r;
                case STEP -> times.step() / 1000.0;
                case RANGE -> (times.end() - times.start()) / 1000.0;
                default -> r;
            };
        }
        double l = seconds(d.lhs());
        return switch (d.op()) {
            case MIN_OF -> Math.min(l, r);
            case MAX_OF -> Math.max(l, r);
            case STEP, RANGE -> r;
            default -> Arithmetic.apply(BinaryOp.valueOf(d.op().name()), l, r);
        };
    }
}
