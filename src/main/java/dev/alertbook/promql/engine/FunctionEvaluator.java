package dev.alertbook.promql.engine;

import dev.alertbook.promql.Call;
import dev.alertbook.promql.Expr;
import dev.alertbook.promql.MatrixSelector;
import dev.alertbook.promql.Matcher;
import dev.alertbook.promql.ParenExpr;
import dev.alertbook.promql.Span;
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

    /** With the math and calendar functions, the functions that compute on floats alone and skip histogram samples. */
    private static final Set<String> FLOATS_ONLY = Set.of("round", "clamp", "clamp_min", "clamp_max", "scalar");

    private record NamedArgument(String metric, Span at) {
    }

    private final Evaluator evaluator;
    private final LabelFunctions labels;
    private final Set<NamedArgument> notCounters = new HashSet<>();

    FunctionEvaluator(Evaluator evaluator) {
        this.evaluator = evaluator;
        this.labels = new LabelFunctions(evaluator);
    }

    /**
     * Whether {@code call} skips the histogram samples of its argument, as Prometheus's float
     * functions do: a selector may then hand it histogram samples, since nothing computes with them.
     */
    static boolean skipsHistograms(Call call) {
        String name = call.function().name();
        return MathFunctions.ALL.containsKey(name) || CALENDAR.containsKey(name) || FLOATS_ONLY.contains(name);
    }

    Value eval(Call call, long t) {
        String name = call.function().name();
        List<Expr> args = call.args();
        DoubleUnaryOperator math = MathFunctions.ALL.get(name);
        if (math != null) {
            return map(evaluator.vector(args.get(0), t), math);
        }
        RangeFunctions.RangeFunction range = RangeFunctions.ALL.get(name);
        if (range != null) {
            return overRange(call, range, t);
        }
        ToIntFunction<ZonedDateTime> calendar = CALENDAR.get(name);
        if (calendar != null) {
            Value.Vector input = args.isEmpty() ? timeVector(t) : evaluator.vector(args.get(0), t);
            return map(input, v -> Double.isNaN(v) || Double.isInfinite(v) ? v : calendar.applyAsInt(
                    ZonedDateTime.ofInstant(Instant.ofEpochSecond((long) v), ZoneOffset.UTC)));
        }
        return switch (name) {
            case "time" -> new Value.Scalar(t / 1000.0);
            case "pi" -> new Value.Scalar(Math.PI);
            case "vector" -> new Value.Vector(List.of(new Sample(Labels.EMPTY, evaluator.scalar(args.get(0), t), false)));
            case "scalar" -> scalar(evaluator.vector(args.get(0), t));
            case "timestamp" -> timestamp(args.get(0), t);
            case "round" -> round(call, t);
            case "clamp" -> clamp(evaluator.vector(args.get(0), t), evaluator.scalar(args.get(1), t), evaluator.scalar(args.get(2), t));
            case "clamp_min" -> clamp(evaluator.vector(args.get(0), t), evaluator.scalar(args.get(1), t), Double.POSITIVE_INFINITY);
            case "clamp_max" -> clamp(evaluator.vector(args.get(0), t), Double.NEGATIVE_INFINITY, evaluator.scalar(args.get(1), t));
            case "absent" -> absent(evaluator.vector(args.get(0), t).samples().isEmpty(), args.get(0));
            case "absent_over_time" -> absent(evaluator.window(args.get(0), t).series().isEmpty(), args.get(0));
            case "sort", "sort_desc" -> sort(call, t);
            case "label_replace" -> labels.replace(evaluator.vector(args.get(0), t), strings(args, t));
            case "label_join" -> labels.join(evaluator.vector(args.get(0), t), strings(args, t));
            case "histogram_quantile" -> new ClassicHistograms(evaluator).quantile(call, t);
            case "histogram_fraction" -> new ClassicHistograms(evaluator).fraction(call, t);
            case "histogram_count", "histogram_sum", "histogram_avg", "histogram_stddev", "histogram_stdvar" ->
                    histogramsOnly(args.get(0), t);
            default -> throw new QueryException("function " + name + " is not supported by alertbook's engine");
        };
    }

    /**
     * The functions that read only native histogram samples skip float samples, as Prometheus's do,
     * so on floats they return nothing. Their argument is evaluated all the same: a histogram sample
     * it selects is the clear "not supported yet" error, since the selector is read by this call.
     */
    private Value histogramsOnly(Expr arg, long t) {
        evaluator.vector(arg, t);
        return new Value.Vector(List.of());
    }

    private List<String> strings(List<Expr> args, long t) {
        List<String> out = new ArrayList<>();
        for (Expr arg : args.subList(1, args.size())) {
            out.add(((Value.Text) evaluator.eval(arg, t)).value());
        }
        return out;
    }

    private static Value.Vector map(Value.Vector input, DoubleUnaryOperator f) {
        List<Sample> out = new ArrayList<>(input.samples().size());
        for (Sample s : input.samples()) {
            if (!s.isHistogram()) {
                out.add(s.withValue(f.applyAsDouble(s.value()), true));
            }
        }
        return new Value.Vector(out);
    }

    private static Value.Vector timeVector(long t) {
        return new Value.Vector(List.of(new Sample(Labels.EMPTY, t / 1000.0, false)));
    }

    private Value overRange(Call call, RangeFunctions.RangeFunction f, long t) {
        String name = call.function().name();
        List<Expr> args = call.args();
        int matrixArg = name.equals("quantile_over_time") ? 1 : 0;
        double arg = args.size() > 1 ? evaluator.scalar(args.get(1 - matrixArg), t) : 0;
        if (name.equals("quantile_over_time") && (Double.isNaN(arg) || arg < 0 || arg > 1)) {
            evaluator.annotations.warn("quantile value should be between 0 and 1, got " + Format.number(arg),
                    args.get(0).span());
        }
        Window window = evaluator.window(args.get(matrixArg), t);
        boolean keepName = RangeFunctions.KEEP_NAME.contains(name);
        boolean counter = name.equals("rate") || name.equals("increase");
        List<Sample> out = new ArrayList<>(window.series().size());
        for (RangeSeries s : window.series()) {
            Double value = f.apply(s, window, t, arg);
            if (value == null) {
                continue;
            }
            if (counter) {
                checkCounterName(s, args.get(matrixArg));
            }
            out.add(new Sample(s.labels(), value, keepName ? s.dropName() : true));
        }
        return new Value.Vector(out);
    }

    /** Annotates each metric once per argument: a range query would otherwise build the same text per series and step. */
    private void checkCounterName(RangeSeries s, Expr arg) {
        String metric = s.dropName() ? "" : s.labels().metricName();
        if (!metric.isEmpty() && !metric.endsWith("_total") && !metric.endsWith("_sum") && !metric.endsWith("_count")
                && !metric.endsWith("_bucket") && notCounters.add(new NamedArgument(metric, arg.span()))) {
            evaluator.annotations.info("metric might not be a counter, name does not end in _total/_sum/_count/_bucket: "
                    + Format.quote(metric), arg.span());
        }
    }

    private static Value scalar(Value.Vector v) {
        List<Sample> floats = v.samples().stream().filter(s -> !s.isHistogram()).toList();
        return new Value.Scalar(floats.size() == 1 ? floats.get(0).value() : Double.NaN);
    }

    /** On a selector, the samples' own timestamps; on anything else, the evaluation time. */
    private Value timestamp(Expr arg, long t) {
        Expr inner = arg;
        while (inner instanceof ParenExpr paren) {
            inner = paren.expr();
        }
        if (inner instanceof VectorSelector selector) {
            return evaluator.selectTimestamps(selector, t);
        }
        return map(evaluator.vector(arg, t), v -> t / 1000.0);
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
        Expr inner = arg;
        while (inner instanceof ParenExpr paren) {
            inner = paren.expr();
        }
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

    /** Sorts by value with NaN last either way; a range query's result is sorted by labels anyway. */
    private Value sort(Call call, long t) {
        if (evaluator.times.isRange()) {
            evaluator.annotations.warn("sort is ineffective for range queries since results are always ordered by labels",
                    call.span());
        }
        boolean descending = call.function().name().equals("sort_desc");
        Comparator<Sample> byValue = (a, b) -> {
            boolean an = Double.isNaN(a.value());
            boolean bn = Double.isNaN(b.value());
            if (an || bn) {
                return Boolean.compare(an, bn);
            }
            return descending ? Double.compare(b.value(), a.value()) : Double.compare(a.value(), b.value());
        };
        List<Sample> out = new ArrayList<>(evaluator.vector(call.args().get(0), t).samples());
        out.sort(byValue);
        return new Value.Vector(out);
    }
}
