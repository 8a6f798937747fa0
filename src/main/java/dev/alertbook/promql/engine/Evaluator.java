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
import dev.alertbook.promql.engine.FloatHistogram.CounterResetHint;
import java.util.ArrayList;
import java.util.Arrays;
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
    private final SelectorPlan plan;
    private final BinaryEvaluator binary;
    private final Aggregator aggregator;
    private final FunctionEvaluator functions;

    /** An evaluator for {@code query}, whose selectors it plans before evaluating. */
    Evaluator(SeriesStore store, EngineOptions options, Annotations annotations, QueryTimes times, Expr query) {
        this.store = store;
        this.options = options;
        this.annotations = annotations;
        this.limits = new Limits(options);
        this.times = times;
        this.plan = SelectorPlan.of(query, times, options.lookbackMillis(), this::millis);
        this.binary = new BinaryEvaluator(this);
        this.aggregator = new Aggregator(this);
        this.functions = new FunctionEvaluator(this);
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
            return select(selector, t);
        } else if (expr instanceof DurationExpr duration) {
            return new Value.Scalar(seconds(duration));
        } else if (expr instanceof UnaryExpr unary) {
            return negate(unary, t);
        } else if (expr instanceof MatrixSelector matrix) {
            return new Value.Matrix(rangeVector(matrix, t));
        } else if (expr instanceof SubqueryExpr) {
            return new Value.Matrix(window(expr, t, false).series());
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

    /** Unary minus negates floats and histograms alike; a negated histogram is a gauge. */
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
            out.add(s.isHistogram() ? s.withHistogram(s.histogram().times(-1), true) : s.withValue(-s.value(), true));
        }
        return new Value.Vector(out);
    }

    /** What {@code timestamp(selector)} returns: each selected sample's own time, in seconds. */
    Value.Vector selectTimestamps(VectorSelector selector, long t) {
        return selectTimes(selector, t, StoredSeries::time);
    }

    /** What {@code start_timestamp(selector)} returns: each selected sample's start timestamp, 0 for none; nothing unless start timestamps are read. */
    Value.Vector selectStartTimestamps(VectorSelector selector, long t) {
        return options.useStartTimestamps() ? selectTimes(selector, t, StoredSeries::start) : new Value.Vector(List.of());
    }

    /** A time a stored sample carries, in milliseconds. */
    @FunctionalInterface
    private interface SampleTime {

        long of(StoredSeries series, int sample);
    }

    private Value.Vector selectTimes(VectorSelector selector, long t, SampleTime time) {
        long at = time(selector.modifiers(), t);
        List<Sample> out = new ArrayList<>();
        for (StoredSeries s : store.select(selector.matchers())) {
            int i = latest(s, at);
            if (i >= 0) {
                out.add(new Sample(s.labels(), time.of(s, i) / 1000.0, true));
            }
        }
        limits.load(out.size());
        return new Value.Vector(out);
    }

    /** The index of the sample an instant selector reads at {@code at}: the latest within the lookback, not stale; -1 for none. */
    private int latest(StoredSeries s, long at) {
        int i = s.after(at) - 1;
        return i >= 0 && s.time(i) > at - options.lookbackMillis() && !s.isStale(i) ? i : -1;
    }

    private Value.Vector select(VectorSelector selector, long t) {
        if (selector.modifiers().smoothed()) {
            return new SmoothedSelection(this).select(selector, time(selector.modifiers(), t));
        }
        long at = time(selector.modifiers(), t);
        List<Sample> out = new ArrayList<>();
        boolean stats = plan.readsStatsOnly(selector);
        long loaded = 0;
        for (StoredSeries s : store.select(selector.matchers())) {
            int i = latest(s, at);
            if (i < 0) {
                continue;
            }
            FloatHistogram histogram = s.histogram(i);
            if (histogram == null) {
                out.add(new Sample(s.labels(), s.value(i), false));
                loaded++;
            } else {
                histogram = stats ? statsOnly(s, i) : histogram;
                out.add(new Sample(s.labels(), 0, false, histogram));
                loaded += Limits.size(histogram);
            }
        }
        limits.load(loaded);
        return new Value.Vector(out);
    }

    /**
     * The histogram as Prometheus decodes it for functions that read only the count and sum: no
     * buckets, and an unknown counter reset hint replaced by one detected against the histogram
     * read before it, when the query reads that far back.
     */
    private FloatHistogram statsOnly(StoredSeries s, int i) {
        FloatHistogram h = s.histogram(i);
        CounterResetHint hint = h.counterResetHint();
        if (hint == CounterResetHint.UNKNOWN) {
            for (int j = i - 1; j >= 0 && s.time(j) >= plan.earliestRead(); j--) {
                FloatHistogram previous = s.histogram(j);
                if (previous != null && !previous.isStale()) {
                    hint = CounterResets.detected(h, previous) ? CounterResetHint.RESET : CounterResetHint.NOT_RESET;
                    break;
                }
            }
        }
        return h.withoutBuckets(hint);
    }

    /** A range selector as a query's result: anchored and smoothed ones get points at the window's edges. */
    private List<RangeSeries> rangeVector(MatrixSelector matrix, long t) {
        Window window = window(matrix, t, false);
        Modifiers modifiers = matrix.selector().modifiers();
        if (!modifiers.anchored() && !modifiers.smoothed()) {
            return window.series();
        }
        List<RangeSeries> out = new ArrayList<>();
        for (RangeSeries s : window.series()) {
            if (s.histogramCount() > 0) {
                throw new QueryException((modifiers.anchored() ? "anchored" : "smoothed")
                        + " modifier is not supported with histograms");
            }
            RangeSeries extended = ExtendedRanges.extendFloats(s, window.start(), window.end(), modifiers.smoothed());
            if (!extended.isEmpty()) {
                out.add(extended);
            }
        }
        return out;
    }

    /**
     * The series of a range selector or subquery argument, with the window they cover.
     * {@code withStarts} keeps the start timestamps of the points, for the functions that read them.
     */
    Window window(Expr expr, long t, boolean withStarts) {
        if (expr instanceof ParenExpr paren) {
            return window(paren.expr(), t, withStarts);
        }
        if (expr instanceof SubqueryExpr subquery) {
            return subquery(subquery, t);
        }
        MatrixSelector matrix = (MatrixSelector) expr;
        VectorSelector selector = matrix.selector();
        Modifiers modifiers = selector.modifiers();
        long end = time(modifiers, t);
        long start = end - millis(matrix.rangeNanos(), matrix.rangeExpr());
        long from = start;
        long to = end;
        if (modifiers.anchored() || modifiers.smoothed()) {
            from -= options.lookbackMillis();
        }
        if (modifiers.smoothed()) {
            to += options.lookbackMillis();
        }
        boolean stats = plan.readsStatsOnly(selector);
        List<RangeSeries> out = new ArrayList<>();
        long loaded = 0;
        for (StoredSeries s : store.select(selector.matchers())) {
            RangeSeries series = points(s, s.after(from), s.after(to), stats, withStarts);
            if (!series.isEmpty()) {
                out.add(series);
                loaded += series.size();
                for (int i = 0; i < series.histogramCount(); i++) {
                    loaded += Limits.size(series.histogram(i));
                }
            }
        }
        limits.load(loaded);
        return new Window(out, start, end);
    }

    /** Samples {@code [from, to)} of a series, stale markers left out, floats and histograms apart. */
    private RangeSeries points(StoredSeries s, int from, int to, boolean stats, boolean withStarts) {
        RangeSeries series = new RangeSeries(s.labels(), false, to - from);
        long[] floatStarts = withStarts ? new long[to - from] : null;
        long[] histogramStarts = withStarts ? new long[to - from] : null;
        for (int i = from; i < to; i++) {
            if (s.isStale(i)) {
                continue;
            }
            FloatHistogram h = s.histogram(i);
            if (h == null) {
                if (withStarts) {
                    floatStarts[series.size()] = s.start(i);
                }
                series.add(s.time(i), s.value(i));
            } else {
                if (withStarts) {
                    histogramStarts[series.histogramCount()] = s.start(i);
                }
                series.addHistogram(s.time(i), stats ? statsOnly(s, i) : h);
            }
        }
        if (withStarts) {
            series.setStarts(Arrays.copyOf(floatStarts, series.size()),
                    Arrays.copyOf(histogramStarts, series.histogramCount()));
        }
        return series;
    }

    /**
     * A function's range vector argument. A subquery's histograms lose their reset and not-reset
     * hints, as in Prometheus: the subquery may skip the sample that reset, or return it twice.
     */
    Window argument(Expr expr, long t, boolean withStarts) {
        Window window = window(expr, t, withStarts);
        Expr inner = expr;
        while (inner instanceof ParenExpr paren) {
            inner = paren.expr();
        }
        if (!(inner instanceof SubqueryExpr)) {
            return window;
        }
        List<RangeSeries> out = new ArrayList<>(window.series().size());
        for (RangeSeries s : window.series()) {
            out.add(s.histogramCount() == 0 ? s : s.withoutCounterResetHints());
        }
        return new Window(out, window.start(), window.end());
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
                series.computeIfAbsent(s.labels(), l -> new RangeSeries(l, s.dropName(), 16)).add(ts, s);
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

    long millis(long nanos, DurationExpr expr) {
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
