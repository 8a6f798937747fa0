package dev.alertbook.promql.engine;

import dev.alertbook.golang.FloatFormat;
import dev.alertbook.golang.Quoting;
import dev.alertbook.promql.Call;
import dev.alertbook.promql.Expr;
import dev.alertbook.promql.StringLiteral;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The {@code histogram_*} functions. The quantile and fraction functions take native histograms
 * and classic ones (series of {@code le} buckets) in the same vector; a native histogram and
 * classic buckets with the same labels are both left out, with a warning.
 */
final class HistogramFunctions {

    private final Evaluator evaluator;

    HistogramFunctions(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The input split into native histogram samples and classic histograms grouped by their labels without {@code le}. */
    private record Input(List<Sample> natives, Map<Labels, List<ClassicHistograms.Bucket>> classics) {
    }

    private Input split(List<Sample> samples, Expr arg) {
        List<Sample> natives = new ArrayList<>();
        Map<Labels, List<ClassicHistograms.Bucket>> classics = new LinkedHashMap<>();
        for (Sample s : samples) {
            if (s.isHistogram()) {
                natives.add(s);
                continue;
            }
            String le = s.labels().get("le");
            double bound;
            try {
                bound = LeLabel.parse(le);
            } catch (NumberFormatException e) {
                evaluator.annotations.warn(HistogramMessages.badBucketLabel(s.labels().metricName(), le), arg.span());
                continue;
            }
            classics.computeIfAbsent(s.labels().without(List.of("le")), g -> new ArrayList<>())
                    .add(new ClassicHistograms.Bucket(bound, s.value()));
        }
        List<Sample> kept = new ArrayList<>(natives.size());
        for (Sample s : natives) {
            if (classics.containsKey(s.labels())) {
                evaluator.annotations.warn(HistogramMessages.mixedClassicNative(s.labels().metricName()), arg.span());
                classics.remove(s.labels());
            } else {
                kept.add(s);
            }
        }
        return new Input(kept, classics);
    }

    /** {@code histogram_quantile(q, v)}. */
    Value quantile(Call call, long t) {
        double q = evaluator.scalar(call.args().get(0), t);
        checkQuantile(q, call.args().get(0));
        Expr arg = call.args().get(1);
        Input input = split(evaluator.vector(arg, t).samples(), arg);
        List<Sample> out = new ArrayList<>();
        quantiles(q, input, arg, t, labels -> labels, out);
        return new Value.Vector(out);
    }

    /** {@code histogram_quantiles(v, "label", q0, q1, ...)}: one series per quantile, told apart by the label. */
    Value quantiles(Call call, long t) {
        List<Expr> args = call.args();
        String label = ((StringLiteral) args.get(1)).value();
        List<Double> qs = new ArrayList<>();
        for (Expr arg : args.subList(2, args.size())) {
            double q = evaluator.scalar(arg, t);
            checkQuantile(q, arg);
            qs.add(q);
        }
        Input input = split(evaluator.vector(args.get(0), t).samples(), args.get(0));
        List<Sample> out = new ArrayList<>();
        for (double q : qs) {
            String value = openMetricsFloat(q);
            quantiles(q, input, args.get(0), t, labels -> labels.with(label, value), out);
        }
        return new Value.Vector(out);
    }

    /** Prometheus's {@code FormatOpenMetricsFloat}, which {@code histogram_quantiles} labels quantiles with: {@code 0.5}, {@code 1.0}. */
    private static String openMetricsFloat(double v) {
        String g = FloatFormat.format(v, 'g', -1);
        if (Double.isNaN(v) || Double.isInfinite(v) || g.contains("e") || g.contains(".")) {
            return g;
        }
        return g + ".0";
    }

    private void checkQuantile(double q, Expr arg) {
        if (Double.isNaN(q) || q < 0 || q > 1) {
            evaluator.annotations.warn(HistogramMessages.quantileValue(q), arg.span());
        }
    }

    private void quantiles(double q, Input input, Expr arg, long t, java.util.function.UnaryOperator<Labels> label,
            List<Sample> out) {
        for (Sample s : input.natives) {
            HistogramStatistics.Estimate estimate = HistogramStatistics.quantile(q, s.histogram());
            if (estimate.info() != null) {
                evaluator.annotations.info(estimate.info() + forMetric(s.labels()), arg.span());
            }
            out.add(new Sample(label.apply(s.labels()), estimate.value(), true));
        }
        input.classics.forEach((labels, buckets) -> {
            ClassicHistograms.Quantile quantile = ClassicHistograms.quantile(q, buckets);
            if (quantile.forcedMonotonic()) {
                evaluator.annotations.monotonicityFixed(labels.metricName(), arg.span(), t, quantile.minBucket(),
                        quantile.maxBucket(), quantile.maxDiff());
            }
            out.add(new Sample(label.apply(labels), quantile.value(), true));
        });
    }

    private static String forMetric(Labels labels) {
        String name = labels.metricName();
        return name.isEmpty() ? "" : " for metric name " + Quoting.quote(name);
    }

    /** {@code histogram_fraction(lower, upper, v)}. */
    Value fraction(Call call, long t) {
        double lower = evaluator.scalar(call.args().get(0), t);
        double upper = evaluator.scalar(call.args().get(1), t);
        Expr arg = call.args().get(2);
        Input input = split(evaluator.vector(arg, t).samples(), arg);
        List<Sample> out = new ArrayList<>();
        for (Sample s : input.natives) {
            HistogramStatistics.Estimate estimate = HistogramStatistics.fraction(lower, upper, s.histogram());
            if (estimate.info() != null) {
                evaluator.annotations.info(estimate.info() + forMetric(s.labels()), arg.span());
            }
            out.add(new Sample(s.labels(), estimate.value(), true));
        }
        input.classics.forEach((labels, buckets) ->
                out.add(new Sample(labels, ClassicHistograms.fraction(lower, upper, buckets), true)));
        return new Value.Vector(out);
    }

    /** histogram_count, _sum, _avg, _stddev and _stdvar: a number of each native histogram; floats are skipped. */
    Value statistic(String name, Expr arg, long t) {
        ToDoubleFunction<FloatHistogram> f = switch (name) {
            case "histogram_count" -> FloatHistogram::count;
            case "histogram_sum" -> FloatHistogram::sum;
            case "histogram_avg" -> h -> h.sum() / h.count();
            case "histogram_stddev" -> h -> Math.sqrt(HistogramStatistics.variance(h));
            default -> HistogramStatistics::variance;
        };
        List<Sample> out = new ArrayList<>();
        for (Sample s : evaluator.vector(arg, t).samples()) {
            if (s.isHistogram()) {
                out.add(new Sample(s.labels(), f.applyAsDouble(s.histogram()), true));
            }
        }
        return new Value.Vector(out);
    }
}
