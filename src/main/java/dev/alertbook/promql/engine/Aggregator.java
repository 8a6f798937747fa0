package dev.alertbook.promql.engine;

import dev.alertbook.promql.AggregateExpr;
import dev.alertbook.promql.AggregateOp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The aggregation operators over groups of an instant vector. */
final class Aggregator {

    private final Evaluator evaluator;

    Aggregator(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    Value eval(AggregateExpr e, long t) {
        double param = e.param() != null && e.op() != AggregateOp.COUNT_VALUES ? evaluator.scalar(e.param(), t) : 0;
        List<Sample> input = evaluator.vector(e.expr(), t).samples();
        Map<Labels, List<Sample>> groups = new LinkedHashMap<>();
        for (Sample s : input) {
            groups.computeIfAbsent(groupLabels(e, s.labels()), g -> new ArrayList<>()).add(s);
        }
        List<Sample> out = new ArrayList<>();
        switch (e.op()) {
            case TOPK, BOTTOMK -> {
                int k = count(param);
                groups.values().forEach(group -> out.addAll(select(group, k, e.op() == AggregateOp.TOPK)));
            }
            case COUNT_VALUES -> countValues(e, groups, t, out);
            case QUANTILE -> {
                checkQuantile(param, e);
                groups.forEach((labels, group) -> out.add(new Sample(labels, Statistics.quantile(param, values(group)),
                        anyDropsName(group))));
            }
            default -> groups.forEach((labels, group) -> out.add(new Sample(labels, reduce(e.op(), group), anyDropsName(group))));
        }
        return new Value.Vector(out);
    }

    void checkQuantile(double q, AggregateExpr e) {
        if (Double.isNaN(q) || q < 0 || q > 1) {
            evaluator.annotations.warn("quantile value should be between 0 and 1, got " + Format.number(q), e.param().span());
        }
    }

    private static Labels groupLabels(AggregateExpr e, Labels labels) {
        if (e.without()) {
            List<String> drop = new ArrayList<>(e.grouping());
            drop.add(Labels.METRIC_NAME);
            return labels.without(drop);
        }
        return labels.only(e.grouping());
    }

    /**
     * Groups form on the labels before delayed name removal, so {@code by (__name__)} still sees
     * the names; a group's name goes at the end if any member's would have.
     */
    private static boolean anyDropsName(List<Sample> group) {
        return group.stream().anyMatch(Sample::dropName);
    }

    private static int count(double param) {
        if (Double.isNaN(param)) {
            throw new QueryException("Parameter value is NaN");
        }
        if (param >= Integer.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        return param < 1 ? 0 : (int) param;
    }

    private static double[] values(List<Sample> group) {
        double[] values = new double[group.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = group.get(i).value();
        }
        return values;
    }

    /** topk and bottomk keep the input series; NaN ranks below every number either way. */
    private static List<Sample> select(List<Sample> group, int k, boolean top) {
        Comparator<Sample> byValue = (a, b) -> {
            double x = a.value();
            double y = b.value();
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
            }
            return top ? Double.compare(y, x) : Double.compare(x, y);
        };
        List<Sample> sorted = new ArrayList<>(group);
        sorted.sort(byValue);
        return sorted.subList(0, Math.min(k, sorted.size()));
    }

    private void countValues(AggregateExpr e, Map<Labels, List<Sample>> groups, long t, List<Sample> out) {
        String label = ((Value.Text) evaluator.eval(e.param(), t)).value();
        if (!LabelNames.valid(label)) {
            throw new QueryException("invalid label name " + Format.quote(label));
        }
        Map<Labels, Integer> counts = new LinkedHashMap<>();
        groups.forEach((labels, group) -> {
            for (Sample s : group) {
                counts.merge(labels.with(label, Format.number(s.value())), 1, Integer::sum);
            }
        });
        counts.forEach((labels, n) -> out.add(new Sample(labels, n, false)));
    }

    private static double reduce(AggregateOp op, List<Sample> group) {
        return switch (op) {
            case SUM -> {
                KahanSum sum = new KahanSum();
                group.forEach(s -> sum.add(s.value()));
                yield sum.sum();
            }
            case AVG -> Statistics.mean(values(group));
            case COUNT -> group.size();
            case GROUP -> 1;
            case MIN -> extreme(group, false);
            case MAX -> extreme(group, true);
            case STDVAR -> Statistics.variance(values(group));
            case STDDEV -> Math.sqrt(Statistics.variance(values(group)));
            default -> throw new QueryException(op.text() + " is not supported");
        };
    }

    /** min and max ignore NaN unless every value is NaN. */
    private static double extreme(List<Sample> group, boolean max) {
        double result = Double.NaN;
        for (Sample s : group) {
            double v = s.value();
            if (Double.isNaN(result) || (max ? v > result : v < result)) {
                result = v;
            }
        }
        return result;
    }
}
