package dev.alertbook.promql.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Quantiles and fractions of classic histograms: series of cumulative {@code le} buckets, as
 * Prometheus's {@code BucketQuantile} and {@code BucketFraction} estimate them.
 */
final class ClassicHistograms {

    private static final double SMALL_DELTA = 1e-12;

    private ClassicHistograms() {
    }

    record Bucket(double upperBound, double count) {
    }

    /**
     * A quantile, and what had to be fixed to get it: whether counts were forced monotonic, over
     * which buckets, and by how much at most.
     */
    record Quantile(double value, boolean forcedMonotonic, double minBucket, double maxBucket, double maxDiff) {

        static Quantile of(double value) {
            return new Quantile(value, false, 0, 0, 0);
        }
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

    static Quantile quantile(double q, List<Bucket> input) {
        if (Double.isNaN(q)) {
            return Quantile.of(Double.NaN);
        }
        if (q < 0) {
            return Quantile.of(Double.NEGATIVE_INFINITY);
        }
        if (q > 1) {
            return Quantile.of(Double.POSITIVE_INFINITY);
        }
        List<Bucket> buckets = normalise(input);
        if (buckets == null) {
            return Quantile.of(Double.NaN);
        }
        // Counts that go down are raised to the one before; counts within a rounding error of it are made equal.
        boolean forced = false;
        double minBucket = Double.POSITIVE_INFINITY;
        double maxBucket = Double.NEGATIVE_INFINITY;
        double maxDiff = 0;
        double prev = buckets.get(0).count();
        for (int i = 1; i < buckets.size(); i++) {
            Bucket b = buckets.get(i);
            double cur = b.count();
            if (cur == prev) {
                continue;
            }
            if (Comparison.almostEqual(prev, cur, SMALL_DELTA)) {
                buckets.set(i, new Bucket(b.upperBound(), prev));
                continue;
            }
            if (cur < prev) {
                buckets.set(i, new Bucket(b.upperBound(), prev));
                forced = true;
                minBucket = Math.min(minBucket, b.upperBound());
                maxBucket = Math.max(maxBucket, b.upperBound());
                maxDiff = Math.max(maxDiff, prev - cur);
                continue;
            }
            prev = cur;
        }
        return new Quantile(interpolate(q, buckets), forced, minBucket, maxBucket, maxDiff);
    }

    private static double interpolate(double q, List<Bucket> buckets) {
        if (buckets.size() < 2) {
            return Double.NaN;
        }
        double observations = buckets.get(buckets.size() - 1).count();
        if (observations == 0) {
            return Double.NaN;
        }
        double rank = q * observations;
        int b = 0;
        while (b < buckets.size() - 1 && buckets.get(b).count() < rank) {
            b++;
        }
        if (b == buckets.size() - 1) {
            return buckets.get(buckets.size() - 2).upperBound();
        }
        if (b == 0 && buckets.get(0).upperBound() <= 0) {
            return buckets.get(0).upperBound();
        }
        double start = 0;
        double end = buckets.get(b).upperBound();
        double count = buckets.get(b).count();
        if (b > 0) {
            start = buckets.get(b - 1).upperBound();
            count -= buckets.get(b - 1).count();
            rank -= buckets.get(b - 1).count();
        }
        return start + (end - start) * (rank / count);
    }

    /**
     * {@code histogram_fraction(lower, upper, v)}: the share of observations between two values,
     * interpolated linearly inside the buckets that hold them; the first bucket starts at 0 when
     * its upper bound is positive, as for quantiles.
     */
    static double fraction(double lower, double upper, List<Bucket> input) {
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
}
