package dev.alertbook.promql.engine;

import java.util.Map;
import java.util.Set;

/**
 * The functions over one series of a range vector. Each returns the output value, or null when
 * the series gives no output (too few points).
 */
final class RangeFunctions {

    /** One function: the series, its window, the step time and the scalar argument, if any. */
    interface RangeFunction {
        Double apply(RangeSeries s, Window w, long t, double arg);
    }

    /** The functions whose output still is the metric, so it keeps its name. */
    static final Set<String> KEEP_NAME = Set.of("last_over_time", "first_over_time");

    static final Map<String, RangeFunction> ALL = Map.ofEntries(
            Map.entry("rate", (s, w, t, a) -> Rates.extrapolated(s, w, true, true)),
            Map.entry("increase", (s, w, t, a) -> Rates.extrapolated(s, w, true, false)),
            Map.entry("delta", (s, w, t, a) -> Rates.extrapolated(s, w, false, false)),
            Map.entry("irate", (s, w, t, a) -> Rates.instant(s, true)),
            Map.entry("idelta", (s, w, t, a) -> Rates.instant(s, false)),
            Map.entry("deriv", (s, w, t, a) -> s.size() < 2 ? null : Rates.regression(s, s.time(0))[0]),
            Map.entry("predict_linear", RangeFunctions::predictLinear),
            Map.entry("changes", (s, w, t, a) -> changes(s, false)),
            Map.entry("resets", (s, w, t, a) -> changes(s, true)),
            Map.entry("avg_over_time", (s, w, t, a) -> Statistics.mean(s.values())),
            Map.entry("sum_over_time", (s, w, t, a) -> sum(s)),
            Map.entry("count_over_time", (s, w, t, a) -> (double) s.size()),
            Map.entry("min_over_time", (s, w, t, a) -> extreme(s, false)),
            Map.entry("max_over_time", (s, w, t, a) -> extreme(s, true)),
            Map.entry("last_over_time", (s, w, t, a) -> s.value(s.size() - 1)),
            Map.entry("first_over_time", (s, w, t, a) -> s.value(0)),
            Map.entry("present_over_time", (s, w, t, a) -> 1.0),
            Map.entry("stdvar_over_time", (s, w, t, a) -> variance(s)),
            Map.entry("stddev_over_time", (s, w, t, a) -> Math.sqrt(variance(s))),
            Map.entry("quantile_over_time", (s, w, t, a) -> Statistics.quantile(a, s.values())));

    private RangeFunctions() {
    }

    private static Double predictLinear(RangeSeries s, Window w, long t, double seconds) {
        if (s.size() < 2) {
            return null;
        }
        double[] line = Rates.regression(s, t);
        return line[0] * seconds + line[1];
    }

    private static Double changes(RangeSeries s, boolean resetsOnly) {
        int count = 0;
        for (int i = 1; i < s.size(); i++) {
            double prev = s.value(i - 1);
            double cur = s.value(i);
            boolean changed = resetsOnly ? cur < prev : !(cur == prev || (Double.isNaN(cur) && Double.isNaN(prev)));
            if (changed) {
                count++;
            }
        }
        return (double) count;
    }

    private static Double sum(RangeSeries s) {
        KahanSum sum = new KahanSum();
        for (int i = 0; i < s.size(); i++) {
            sum.add(s.value(i));
        }
        return sum.sum();
    }

    private static Double extreme(RangeSeries s, boolean max) {
        double result = s.value(0);
        for (int i = 1; i < s.size(); i++) {
            double v = s.value(i);
            if (Double.isNaN(result) || (max ? v > result : v < result)) {
                result = v;
            }
        }
        return result;
    }

    /** Welford's variance with compensated sums, as {@code stdvar_over_time} computes it. */
    private static Double variance(RangeSeries s) {
        double count = 0;
        KahanSum mean = new KahanSum();
        KahanSum aux = new KahanSum();
        for (int i = 0; i < s.size(); i++) {
            double v = s.value(i);
            count++;
            double delta = v - mean.sum();
            mean.add(delta / count);
            aux.add(delta * (v - mean.sum()));
        }
        return aux.sum() / count;
    }
}
