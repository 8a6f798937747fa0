package dev.alertbook.promql.engine;

import dev.alertbook.promql.Call;
import dev.alertbook.promql.Expr;
import dev.alertbook.promql.MatrixSelector;
import dev.alertbook.promql.Matcher;
import dev.alertbook.promql.Modifiers;
import dev.alertbook.promql.ParenExpr;
import dev.alertbook.promql.Span;
import dev.alertbook.promql.StringLiteral;
import dev.alertbook.promql.SubqueryExpr;
import dev.alertbook.promql.VectorSelector;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToIntFunction;

/** Function calls: dispatches to the function families and handles the few special ones. */
final class FunctionEvaluator {

    private static final Map<String, ToIntFunction<ZonedDateTime>> CALENDAR = Map.of(
            "day_of_month", ZonedDateTime::getDayOfMonth,
            "day_of_week", d -> d.getDayOfWeek().getValue() % 7,
            "day_of_year", ZonedDateTime::getDayOfYear,
            "days_in_month", d -> d.toLocalDate().lengthOfMonth(),
            "hour", ZonedDateTime::getHour,
            "minute", ZonedDateTime::getMinute,
            "month", ZonedDateTime::getMonthValue,
            "year", ZonedDateTime::getYear);

    private record NamedArgument(String metric, Span at) {
    }

    private final Evaluator evaluator;
    private final Set<NamedArgument> notCounters = new HashSet<>();
    private final LabelFunctions labels;
    private final HistogramFunctions histograms;
    private final RangeFunctions ranges;

    FunctionEvaluator(Evaluator evaluator) {
        this.evaluator = evaluator;
        this.labels = new LabelFunctions(evaluator);
        this.histograms = new HistogramFunctions(evaluator);
        this.ranges = new RangeFunctions(evaluator.annotations);
    }

    Value eval(Call call, long t) {
        String name = call.function().name();
        List<Expr> args = call.args();
        DoubleUnaryOperator math = MathFunctions.ALL.get(name);
        if (math != null) {
            return map(evaluator.vector(args.get(0), t), math);
        }
        if (RangeFunctions.isRangeFunction(name)) {
            return overRange(call, t);
        }
        ToIntFunction<ZonedDateTime> calendar = CALENDAR.get(name);
        if (calendar != null) {
            Value.Vector input = args.isEmpty() ? new Value.Vector(List.of(new Sample(Labels.EMPTY, t / 1000.0, false)))
                    : evaluator.vector(args.get(0), t);
            return map(input, v -> Double.isNaN(v) || Double.isInfinite(v) ? v : calendar.applyAsInt(
                    ZonedDateTime.ofInstant(Instant.ofEpochSecond((long) v), ZoneOffset.UTC)));
        }
        QueryTimes times = evaluator.times;
        return switch (name) {
            case "time" -> new Value.Scalar(t / 1000.0);
            case "pi" -> new Value.Scalar(Math.PI);
            case "start" -> new Value.Scalar(times.start() / 1000.0);
            case "end" -> new Value.Scalar(times.end() / 1000.0);
            case "range" -> new Value.Scalar((times.end() - times.start()) / 1000.0);
            case "step" -> new Value.Scalar(times.start() == times.end() ? 0 : times.step() / 1000.0);
            case "min_of" -> new Value.Scalar(Math.min(evaluator.scalar(args.get(0), t), evaluator.scalar(args.get(1), t)));
            case "max_of" -> new Value.Scalar(Math.max(evaluator.scalar(args.get(0), t), evaluator.scalar(args.get(1), t)));
            case "vector" -> new Value.Vector(List.of(new Sample(Labels.EMPTY, evaluator.scalar(args.get(0), t), false)));
            case "scalar" -> scalar(evaluator.vector(args.get(0), t));
            case "timestamp" -> timestamp(args.get(0), t);
            case "start_timestamp" -> startTimestamp(args.get(0), t);
            case "round" -> round(call, t);
            case "clamp" -> clamp(evaluator.vector(args.get(0), t), evaluator.scalar(args.get(1), t), evaluator.scalar(args.get(2), t));
            case "clamp_min" -> clamp(evaluator.vector(args.get(0), t), evaluator.scalar(args.get(1), t), Double.POSITIVE_INFINITY);
            case "clamp_max" -> clamp(evaluator.vector(args.get(0), t), Double.NEGATIVE_INFINITY, evaluator.scalar(args.get(1), t));
            case "absent" -> absent(evaluator.vector(args.get(0), t).samples().isEmpty(), args.get(0));
            case "absent_over_time" -> absent(evaluator.argument(args.get(0), t, false).series().isEmpty(), args.get(0));
            case "sort", "sort_desc" -> sort(call, t);
            case "sort_by_label", "sort_by_label_desc" -> sortByLabel(call, t);
            case "label_replace" -> labels.replace(evaluator.vector(args.get(0), t), strings(args, t));
            case "label_join" -> labels.join(evaluator.vector(args.get(0), t), strings(args, t));
            case "histogram_quantile" -> histograms.quantile(call, t);
            case "histogram_quantiles" -> histograms.quantiles(call, t);
            case "histogram_fraction" -> histograms.fraction(call, t);
            case "histogram_count", "histogram_sum", "histogram_avg", "histogram_stddev", "histogram_stdvar" ->
                    histograms.statistic(name, args.get(0), t);
            case "info" -> new InfoFunction(evaluator).eval(call, t);
            default -> throw new QueryException("function " + name + " is not supported by alertbook's engine");
        };
    }

    private List<String> strings(List<Expr> args, long t) {
        List<String> out = new ArrayList<>();
        for (Expr arg : args.subList(1, args.size())) {
            out.add(((Value.Text) evaluator.eval(arg, t)).value());
        }
        return out;
    }

    /** Maps each float sample; histogram samples are left out, as Prometheus's float functions do. */
    private static Value.Vector map(Value.Vector input, DoubleUnaryOperator f) {
        List<Sample> out = new ArrayList<>(input.samples().size());
        for (Sample s : input.samples()) {
            if (!s.isHistogram()) {
                out.add(s.withValue(f.applyAsDouble(s.value()), true));
            }
        }
        return new Value.Vector(out);
    }

    private static Expr unwrap(Expr e) {
        Expr inner = e;
        while (inner instanceof ParenExpr paren) {
            inner = paren.expr();
        }
        return inner;
    }

    /** A function over a range vector: applied to each series of the window, after its scalar arguments. */
    private Value overRange(Call call, long t) {
        String name = call.function().name();
        List<Expr> args = call.args();
        int matrixArg = 0;
        while (!(unwrap(args.get(matrixArg)) instanceof MatrixSelector) && !(unwrap(args.get(matrixArg)) instanceof SubqueryExpr)) {
            matrixArg++;
        }
        Modifiers modifiers = unwrap(args.get(matrixArg)) instanceof MatrixSelector matrix ? matrix.selector().modifiers()
                : Modifiers.NONE;
        if (modifiers.anchored() && !RangeFunctions.ANCHORED_SAFE.contains(name)) {
            throw new QueryException("anchored modifier can only be used with: "
                    + String.join(", ", new java.util.TreeSet<>(RangeFunctions.ANCHORED_SAFE)) + " - not with " + name);
        }
        if (modifiers.smoothed() && !RangeFunctions.SMOOTHED_SAFE.contains(name)) {
            throw new QueryException("smoothed modifier can only be used with: "
                    + String.join(", ", new java.util.TreeSet<>(RangeFunctions.SMOOTHED_SAFE)) + " - not with " + name);
        }
        double[] scalars = new double[args.size() - 1];
        for (int i = 0, j = 0; i < args.size(); i++) {
            if (i != matrixArg) {
                scalars[j++] = evaluator.scalar(args.get(i), t);
            }
        }
        boolean withStarts = evaluator.options.useStartTimestamps() && RangeFunctions.READ_STARTS.contains(name);
        Window window = evaluator.argument(args.get(matrixArg), t, withStarts);
        RangeFunctions.Call request = new RangeFunctions.Call(name, window, t, scalars, args.get(0).span(),
                modifiers.anchored(), modifiers.smoothed());
        boolean keepName = RangeFunctions.KEEP_NAME.contains(name);
        boolean counter = name.equals("rate") || name.equals("increase");
        List<Sample> out = new ArrayList<>(window.series().size());
        for (RangeSeries s : window.series()) {
            Sample result = ranges.apply(request, s);
            if (result == null) {
                continue;
            }
            if (counter && !result.isHistogram()) {
                checkCounterName(s, args.get(matrixArg));
            }
            boolean dropName = !keepName || s.dropName();
            out.add(result.dropName() == dropName ? result : result.withLabels(s.labels(), dropName));
        }
        return new Value.Vector(out);
    }

    /** Annotates each metric once per argument: a range query would otherwise build the same text per series and step. */
    private void checkCounterName(RangeSeries s, Expr arg) {
        String metric = s.dropName() ? "" : s.labels().metricName();
        if (!metric.isEmpty() && !metric.endsWith("_total") && !metric.endsWith("_sum") && !metric.endsWith("_count")
                && !metric.endsWith("_bucket") && notCounters.add(new NamedArgument(metric, arg.span()))) {
            evaluator.annotations.info(HistogramMessages.possibleNonCounter(metric), arg.span());
        }
    }

    /** The one float sample's value, NaN for none or several; histograms do not count. */
    private static Value scalar(Value.Vector v) {
        List<Sample> floats = v.samples().stream().filter(s -> !s.isHistogram()).toList();
        return new Value.Scalar(floats.size() == 1 ? floats.get(0).value() : Double.NaN);
    }

    /** On a selector, the samples' own timestamps; on anything else, the evaluation time. */
    private Value timestamp(Expr arg, long t) {
        if (unwrap(arg) instanceof VectorSelector selector) {
            return evaluator.selectTimestamps(selector, t);
        }
        List<Sample> out = new ArrayList<>();
        for (Sample s : evaluator.vector(arg, t).samples()) {
            out.add(new Sample(s.labels(), t / 1000.0, true));
        }
        return new Value.Vector(out);
    }

    /** Start timestamps are read only from a selector's samples; on anything else there are none. */
    private Value startTimestamp(Expr arg, long t) {
        if (unwrap(arg) instanceof VectorSelector selector) {
            return evaluator.selectStartTimestamps(selector, t);
        }
        evaluator.vector(arg, t);
        return new Value.Vector(List.of());
    }

    private Value round(Call call, long t) {
        double toNearest = call.args().size() > 1 ? evaluator.scalar(call.args().get(1), t) : 1;
        double inverse = 1.0 / toNearest;
        return map(evaluator.vector(call.args().get(0), t), v -> Math.floor(v * inverse + 0.5) / inverse);
    }

    private static Value clamp(Value.Vector input, double min, double max) {
        if (max < min) {
            return new Value.Vector(List.of());
        }
        return map(input, v -> Math.max(min, Math.min(max, v)));
    }

    /** absent's labels are the selector's equality matchers, except on a label matched twice. */
    private static Value absent(boolean present, Expr arg) {
        if (!present) {
            return new Value.Vector(List.of());
        }
        Expr inner = unwrap(arg);
        if (inner instanceof MatrixSelector matrix) {
            inner = matrix.selector();
        }
        Map<String, String> labels = new TreeMap<>();
        if (inner instanceof VectorSelector selector) {
            Set<String> seen = new HashSet<>();
            for (Matcher m : selector.matchers()) {
                if (m.name().equals(Labels.METRIC_NAME)) {
                    continue;
                }
                if (m.type() == Matcher.Type.EQUAL && seen.add(m.name())) {
                    labels.put(m.name(), m.value());
                } else {
                    labels.remove(m.name());
                }
            }
        }
        return new Value.Vector(List.of(new Sample(Labels.of(labels), 1, false)));
    }

    private void warnSortInRange(Call call) {
        if (evaluator.times.isRange()) {
            evaluator.annotations.warn("sort is ineffective for range queries since results are always ordered by labels",
                    call.span());
        }
    }

    /** Sorts the float samples by value with NaN last either way; histogram samples are left out. */
    private Value sort(Call call, long t) {
        warnSortInRange(call);
        boolean descending = call.function().name().equals("sort_desc");
        Comparator<Sample> byValue = (a, b) -> {
            boolean an = Double.isNaN(a.value());
            boolean bn = Double.isNaN(b.value());
            if (an || bn) {
                return Boolean.compare(an, bn);
            }
            return descending ? Double.compare(b.value(), a.value()) : Double.compare(a.value(), b.value());
        };
        List<Sample> out = new ArrayList<>();
        for (Sample s : evaluator.vector(call.args().get(0), t).samples()) {
            if (!s.isHistogram()) {
                out.add(s);
            }
        }
        out.sort(byValue);
        return new Value.Vector(out);
    }

    /** Sorts by the named labels' values in natural order, then by all labels. */
    private Value sortByLabel(Call call, long t) {
        warnSortInRange(call);
        boolean descending = call.function().name().equals("sort_by_label_desc");
        List<String> names = new ArrayList<>();
        for (Expr arg : call.args().subList(1, call.args().size())) {
            names.add(((StringLiteral) unwrap(arg)).value());
        }
        Comparator<Sample> order = (a, b) -> {
            for (String label : names) {
                String x = a.labels().get(label);
                String y = b.labels().get(label);
                if (!x.equals(y)) {
                    return NaturalOrder.precedes(x, y) ? -1 : 1;
                }
            }
            return a.labels().compareTo(b.labels());
        };
        List<Sample> out = new ArrayList<>(evaluator.vector(call.args().get(0), t).samples());
        out.sort(descending ? order.reversed() : order);
        return new Value.Vector(out);
    }
}
