package dev.alertbook.promql.engine;

import dev.alertbook.promql.Call;
import dev.alertbook.promql.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code histogram_quantile} and {@code histogram_fraction} over classic histograms: series of cumulative {@code le} buckets. */
final class ClassicHistograms {

    private static final double SMALL_DELTA = 1e-12;

    private final Evaluator evaluator;

    ClassicHistograms(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    record Bucket(double upperBound, double count) {
    }

    Value quantile(Call call, long t) {
        double q = evaluator.scalar(call.args().get(0), t);
        if (Double.isNaN(q) || q < 0 || q > 1) {
            evaluator.annotations.warn("quantile value should be between 0 and 1, got " + Format.number(q),
                    call.args().get(0).span());
        }
        Expr input = call.args().get(1);
        List<Sample> out = new ArrayList<>();
        histograms(input, t).forEach((labels, buckets) -> {
            double[] result = bucketQuantile(q, buckets);
            if (result[1] != 0) {
                evaluator.annotations.info("input to histogram_quantile needed to be fixed for monotonicity (see "
                        + "https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile) for metric name "
                        + Format.quote(labels.metricName()), input.span());
            }
            out.add(new Sample(labels, result[0], true));
        });
        return new Value.Vector(out);
    }

    /** {@code histogram_fraction(lower, upper, v)}: the share of observations between two values. */
    Value fraction(Call call, long t) {
        double lower = evaluator.scalar(call.args().get(0), t);
        double upper = evaluator.scalar(call.args().get(1), t);
        List<Sample> out = new ArrayList<>();
        histograms(call.args().get(2), t).forEach((labels, buckets) ->
                out.add(new Sample(labels, bucketFraction(lower, upper, buckets), true)));
        return new Value.Vector(out);
    }

    /** The input's bucket series grouped into histograms: the labels without {@code le}, name kept until the end. */
    private Map<Labels, List<Bucket>> histograms(Expr input, long t) {
        Map<Labels, List<Bucket>> histograms = new LinkedHashMap<>();
        for (Sample s : evaluator.vector(input, t).samples()) {
            Labels labels = s.labels();
            String le = labels.get("le");
            double bound;
            try {
                bound = parseBound(le);
            } catch (NumberFormatException e) {
                evaluator.annotations.warn("bucket label \"le\" is missing or has a malformed value of " + Format.quote(le)
                        + " for metric name " + Format.quote(labels.metricName()), input.span());
                continue;
            }
            histograms.computeIfAbsent(labels.without(List.of("le")), g -> new ArrayList<>()).add(new Bucket(bound, s.value()));
        }
        return histograms;
    }

    /** Sorted by upper bound, buckets with the same bound merged; null unless the last bound is +Inf. */
    private static List<Bucket> normalise(List<Bucket> input) {
        List<Bucket> sorted = new ArrayList<>(input);
        sorted.sort((a, b) -> Double.compare(a.upperBound(), b.upperBound()));
        if (sorted.get(sorted.size() - 1).upperBound() != Double.POSITIVE_INFINITY) {
            return null;
        }
        List<Bucket> buckets = new ArrayList<>();
        for (Bucket b : sorted) {
            int last = buckets.size() - 1;
            if (last >= 0 && buckets.get(last).upperBound() == b.upperBound()) {
                buckets.set(last, new Bucket(b.upperBound(), buckets.get(last).count() + b.count()));
            } else {
                buckets.add(b);
            }
        }
        return buckets;
    }

    /**
     * Interpolates linearly inside the buckets that hold the bounds; the first bucket starts at 0
     * when its upper bound is positive, as for quantiles.
     */
    static double bucketFraction(double lower, double upper, List<Bucket> input) {
        List<Bucket> buckets = normalise(input);
        if (buckets == null) {
            return Double.NaN;
        }
        double count = buckets.get(buckets.size() - 1).count();
        if (count == 0 || Double.isNaN(lower) || Double.isNaN(upper)) {
            return Double.NaN;
        }
        if (lower >= upper) {
            return 0;
        }
        return (rankAt(upper, buckets, count) - rankAt(lower, buckets, count)) / count;
    }

    /**
     * The number of observations at or below {@code value}. Inside a bucket of infinite width
     * nothing is interpolated: the whole bucket is left out of the fraction, so the rank is the
     * count below the {@code +Inf} bucket, and the count of the {@code (-Inf, le]} bucket itself.
     */
    private static double rankAt(double value, List<Bucket> buckets, double count) {
        double rank = 0;
        for (int i = 0; i < buckets.size(); i++) {
            Bucket b = buckets.get(i);
            double lowerBound = i > 0 ? buckets.get(i - 1).upperBound() : b.upperBound() > 0 ? 0 : Double.NEGATIVE_INFINITY;
            if (lowerBound >= value) {
                return Math.min(rank, count);
            }
            if (b.upperBound() > value) {
                double interpolated = lowerBound == Double.NEGATIVE_INFINITY ? b.count()
                        : rank + (b.count() - rank) * (value - lowerBound) / (b.upperBound() - lowerBound);
                return Math.min(interpolated, count);
            }
            rank = b.count();
        }
        return count;
    }

    private static double parseBound(String le) {
        if (le.isEmpty()) {
            throw new NumberFormatException("missing");
        }
        return switch (le.toLowerCase(java.util.Locale.ROOT)) {
            case "+inf", "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(le);
        };
    }

    /** The quantile and whether the buckets had to be forced monotonic (1) or not (0). */
    private static double[] bucketQuantile(double q, List<Bucket> input) {
        if (Double.isNaN(q)) {
            return new double[] {Double.NaN, 0};
        }
        if (q < 0) {
            return new double[] {Double.NEGATIVE_INFINITY, 0};
        }
        if (q > 1) {
            return new double[] {Double.POSITIVE_INFINITY, 0};
        }
        List<Bucket> buckets = normalise(input);
        if (buckets == null) {
            return new double[] {Double.NaN, 0};
        }
        boolean forced = false;
        double prev = buckets.get(0).count();
        for (int i = 1; i < buckets.size(); i++) {
            double cur = buckets.get(i).count();
            if (cur == prev) {
                continue;
            }
            if (Comparison.almostEqual(prev, cur, SMALL_DELTA) || cur < prev) {
                forced |= cur < prev && !Comparison.almostEqual(prev, cur, SMALL_DELTA);
                buckets.set(i, new Bucket(buckets.get(i).upperBound(), prev));
                continue;
            }
            prev = cur;
        }
        double flag = forced ? 1 : 0;
        if (buckets.size() < 2) {
            return new double[] {Double.NaN, flag};
        }
        double observations = buckets.get(buckets.size() - 1).count();
        if (observations == 0) {
            return new double[] {Double.NaN, flag};
        }
        double rank = q * observations;
        int b = 0;
        while (b < buckets.size() - 1 && buckets.get(b).count() < rank) {
            b++;
        }
        if (b == buckets.size() - 1) {
            return new double[] {buckets.get(buckets.size() - 2).upperBound(), flag};
        }
        if (b == 0 && buckets.get(0).upperBound() <= 0) {
            return new double[] {buckets.get(0).upperBound(), flag};
        }
        double start = 0;
        double end = buckets.get(b).upperBound();
        double count = buckets.get(b).count();
        if (b > 0) {
            start = buckets.get(b - 1).upperBound();
            count -= buckets.get(b - 1).count();
            rank -= buckets.get(b - 1).count();
        }
        return new double[] {start + (end - start) * (rank / count), flag};
    }
}
