package dev.alertbook.promql.engine;

import dev.alertbook.golang.FloatFormat;
import dev.alertbook.golang.Quoting;
import dev.alertbook.promql.AggregateExpr;
import dev.alertbook.promql.AggregateOp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The aggregation operators over groups of an instant vector. sum and avg add histograms as they
 * add floats (a group mixing the two gives nothing); the others ignore histograms, with an info;
 * limitk and limit_ratio keep samples of both kinds.
 */
final class Aggregator {

    private static final double MAX_INT64 = 9.223372036854775807E18;

    private final Evaluator evaluator;

    Aggregator(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    Value eval(AggregateExpr e, long t) {
        double param = e.param() != null && e.op() != AggregateOp.COUNT_VALUES ? evaluator.scalar(e.param(), t) : 0;
        List<Sample> input = evaluator.vector(e.expr(), t).samples();
        if (e.op() == AggregateOp.COUNT_VALUES) {
            return new Value.Vector(countValues(e, input, t));
        }
        Map<Labels, List<Sample>> groups = new LinkedHashMap<>();
        for (Sample s : input) {
            groups.computeIfAbsent(groupLabels(e, s.labels(), e.grouping()), g -> new ArrayList<>()).add(s);
        }
        List<Sample> out = new ArrayList<>();
        switch (e.op()) {
            case TOPK, BOTTOMK, LIMITK -> {
                int k = count(param, input.size());
                if (k > 0) {
                    groups.values().forEach(group -> out.addAll(e.op() == AggregateOp.LIMITK ? group.subList(0, Math.min(k, group.size()))
                            : select(e, group, k, e.op() == AggregateOp.TOPK)));
                }
            }
            case LIMIT_RATIO -> limitRatio(e, param, input, out);
            case QUANTILE -> {
                if (Double.isNaN(param) || param < 0 || param > 1) {
                    evaluator.annotations.warn(HistogramMessages.quantileValue(param), e.param().span());
                }
                groups.forEach((labels, group) -> {
                    double[] floats = floats(e, group);
                    if (floats.length > 0) {
                        out.add(new Sample(labels, Statistics.quantile(param, floats), anyDropsName(group)));
                    }
                });
            }
            default -> groups.forEach((labels, group) -> {
                Sample result = reduce(e, labels, group);
                if (result != null) {
                    out.add(result);
                }
            });
        }
        return new Value.Vector(out);
    }

    private static Labels groupLabels(AggregateExpr e, Labels labels, List<String> grouping) {
        if (e.without()) {
            List<String> drop = new ArrayList<>(grouping);
            drop.add(Labels.METRIC_NAME);
            return labels.without(drop);
        }
        return labels.only(grouping);
    }

    /**
     * Groups form on the labels before delayed name removal, so {@code by (__name__)} still sees
     * the names; a group's name goes at the end if any member's would have.
     */
    private static boolean anyDropsName(List<Sample> group) {
        return group.stream().anyMatch(Sample::dropName);
    }

    /** k of topk, bottomk and limitk: NaN is an error, fractions are cut, at most the input's size. */
    private static int count(double param, int inputSize) {
        if (param < 1) {
            return 0;
        }
        if (Double.isNaN(param)) {
            throw new QueryException("Parameter value is NaN");
        }
        if (param >= MAX_INT64) {
            throw new QueryException("Scalar value " + FloatFormat.format(param, 'g', -1) + " overflows int64");
        }
        return (int) Math.min((long) param, inputSize);
    }

    /** The floats of a group; each histogram is left out with an info about the aggregation. */
    private double[] floats(AggregateExpr e, List<Sample> group) {
        double[] values = new double[group.size()];
        int n = 0;
        for (Sample s : group) {
            if (s.isHistogram()) {
                evaluator.annotations.info(HistogramMessages.ignoredInAggregation(e.op().text()), e.expr().span());
            } else {
                values[n++] = s.value();
            }
        }
        return java.util.Arrays.copyOf(values, n);
    }

    /** topk and bottomk keep the input series; NaN ranks below every number either way; histograms are ignored. */
    private List<Sample> select(AggregateExpr e, List<Sample> group, int k, boolean top) {
        List<Sample> sorted = new ArrayList<>(group.size());
        for (Sample s : group) {
            if (s.isHistogram()) {
                evaluator.annotations.info(HistogramMessages.ignoredInAggregation(e.op().text()), e.span());
            } else {
                sorted.add(s);
            }
        }
        Comparator<Sample> byValue = (a, b) -> {
            double x = a.value();
            double y = b.value();
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
            }
            return top ? Double.compare(y, x) : Double.compare(x, y);
        };
        sorted.sort(byValue);
        return sorted.subList(0, Math.min(k, sorted.size()));
    }

    /**
     * limit_ratio(r, v): the samples whose labels hash into the first r of the hash space (the
     * last -r for a negative r), so that r and r-1 pick complementary samples.
     */
    private void limitRatio(AggregateExpr e, double ratio, List<Sample> input, List<Sample> out) {
        if (ratio == 0) {
            return;
        }
        if (Double.isNaN(ratio)) {
            throw new QueryException("Ratio value is NaN");
        }
        double r = ratio;
        if (ratio > 1) {
            evaluator.annotations.warn(HistogramMessages.ratioValue(ratio, 1), e.param().span());
            r = 1;
        } else if (ratio < -1) {
            evaluator.annotations.warn(HistogramMessages.ratioValue(ratio, -1), e.param().span());
            r = -1;
        }
        for (Sample s : input) {
            double offset = s.labels().hashOffset();
            if (r >= 0 ? offset < r : offset >= 1 + r) {
                out.add(s);
            }
        }
    }

    private List<Sample> countValues(AggregateExpr e, List<Sample> input, long t) {
        String label = ((Value.Text) evaluator.eval(e.param(), t)).value();
        if (!LabelNames.valid(label)) {
            throw new QueryException("invalid label name " + Quoting.quote(label));
        }
        List<String> grouping = new ArrayList<>(e.grouping());
        if (!e.without()) {
            grouping.add(label);
        }
        Map<Labels, Integer> counts = new LinkedHashMap<>();
        for (Sample s : input) {
            String value = s.isHistogram() ? s.histogram().toString() : FloatFormat.format(s.value(), 'f', -1);
            counts.merge(groupLabels(e, s.labels().with(label, value), grouping), 1, Integer::sum);
        }
        List<Sample> out = new ArrayList<>();
        counts.forEach((labels, n) -> out.add(new Sample(labels, n, false)));
        return out;
    }

    /** sum, avg, count, group, min, max, stddev and stdvar of one group; null when it gives nothing. */
    private Sample reduce(AggregateExpr e, Labels labels, List<Sample> group) {
        boolean dropName = anyDropsName(group);
        AggregateOp op = e.op();
        return switch (op) {
            case COUNT -> new Sample(labels, group.size(), dropName);
            case GROUP -> new Sample(labels, 1, dropName);
            case SUM, AVG -> sum(e, labels, group, dropName);
            default -> {
                double[] values = floats(e, group);
                if (values.length == 0) {
                    yield null;
                }
                double result = switch (op) {
                    case MIN -> extreme(values, false);
                    case MAX -> extreme(values, true);
                    case STDVAR -> variance(values);
                    default -> Math.sqrt(variance(values));
                };
                yield new Sample(labels, result, dropName);
            }
        };
    }

    /** min and max ignore NaN unless every value is NaN. */
    private static double extreme(double[] values, boolean max) {
        double result = values[0];
        for (double v : values) {
            if (Double.isNaN(result) || (max ? v > result : v < result)) {
                result = v;
            }
        }
        return result;
    }

    /** Welford's variance as the stddev and stdvar aggregations compute it; an infinite or NaN first value makes it NaN. */
    private static double variance(double[] values) {
        double mean = values[0];
        double m2 = Double.isNaN(values[0]) || Double.isInfinite(values[0]) ? Double.NaN : 0;
        for (int i = 1; i < values.length; i++) {
            double delta = values[i] - mean;
            mean += delta / (i + 1);
            m2 += delta * (values[i] - mean);
        }
        return m2 / values.length;
    }

    /** sum and avg of floats or of histograms; a group mixing the two, or histograms that cannot be added, gives nothing. */
    private Sample sum(AggregateExpr e, Labels labels, List<Sample> group, boolean dropName) {
        boolean average = e.op() == AggregateOp.AVG;
        boolean floats = group.stream().anyMatch(s -> !s.isHistogram());
        boolean histograms = group.stream().anyMatch(Sample::isHistogram);
        if (!histograms) {
            double[] values = new double[group.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = group.get(i).value();
            }
            if (average) {
                return new Sample(labels, Statistics.mean(values), dropName);
            }
            KahanSum sum = new KahanSum();
            for (double v : values) {
                sum.add(v);
            }
            return new Sample(labels, sum.sum(), dropName);
        }
        FloatHistogram result = floats ? null : histogramSum(e, group, average);
        if (floats) {
            evaluator.annotations.warn(HistogramMessages.mixedFloatsHistogramsInAggregation(), e.expr().span());
        }
        return result == null ? null : new Sample(labels, 0, dropName, result);
    }

    private FloatHistogram histogramSum(AggregateExpr e, List<Sample> group, boolean average) {
        HistogramSum.Total total;
        try {
            total = HistogramSum.over(group.stream().map(Sample::histogram).toList(), average);
        } catch (FloatHistogram.IncompatibleSchemas incompatible) {
            evaluator.annotations.warn(HistogramMessages.mixedSchemas(group.get(incompatible.at()).labels().metricName()),
                    e.expr().span());
            return null;
        }
        if (total.counterResetCollision()) {
            evaluator.annotations.warn(HistogramMessages.counterResetCollision("aggregation"), e.expr().span());
        }
        if (total.boundsReconciled()) {
            evaluator.annotations.info(HistogramMessages.reconciled("aggregation"), e.expr().span());
        }
        return total.histogram().compact();
    }
}
