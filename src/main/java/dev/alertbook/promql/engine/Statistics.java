package dev.alertbook.promql.engine;

import java.util.Arrays;

/** The statistics aggregations and the {@code *_over_time} functions share, computed as Prometheus does. */
final class Statistics {

    private Statistics() {
    }

    /**
     * The mean as Prometheus's avg computes it: a compensated sum divided by the count, switching
     * to an incremental mean only once the sum would overflow, so ordinary inputs stay exact.
     */
    static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        KahanSum sum = new KahanSum(values[0], 0);
        KahanSum mean = null;
        for (int i = 1; i < values.length; i++) {
            double v = values[i];
            double n = i + 1;
            if (mean == null) {
                KahanSum next = new KahanSum(sum.sum, sum.compensation);
                next.add(v);
                if (!Double.isInfinite(next.sum)) {
                    sum = next;
                    continue;
                }
                mean = new KahanSum(sum.sum / (n - 1), sum.compensation / (n - 1));
            }
            if (Double.isInfinite(mean.sum) && (!Double.isNaN(v) && (!Double.isInfinite(v) || (mean.sum > 0) == (v > 0)))) {
                continue;
            }
            double q = (n - 1) / n;
            KahanSum step = new KahanSum(q * mean.sum, q * mean.compensation);
            step.add(v / n);
            mean = step;
        }
        return mean != null ? mean.sum() : sum.sum / values.length + sum.compensation / values.length;
    }

    /** Prometheus's quantile: linear interpolation between the closest ranks, ±Inf outside [0, 1]. */
    static double quantile(double q, double[] values) {
        if (values.length == 0 || Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        // NaN sorts first, as Go's sort of the values puts it.
        double[] sorted = Arrays.stream(values).boxed().sorted((a, b) -> Double.isNaN(a) || Double.isNaN(b)
                ? Boolean.compare(!Double.isNaN(a), !Double.isNaN(b)) : Double.compare(a, b))
                .mapToDouble(Double::doubleValue).toArray();
        double n = sorted.length;
        double rank = q * (n - 1);
        int lower = (int) Math.max(0, Math.floor(rank));
        int upper = (int) Math.min(n - 1, lower + 1);
        double weight = rank - Math.floor(rank);
        return sorted[lower] * (1 - weight) + sorted[upper] * weight;
    }
}
