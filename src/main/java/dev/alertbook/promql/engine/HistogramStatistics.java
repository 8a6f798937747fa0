package dev.alertbook.promql.engine;

import dev.alertbook.promql.engine.FloatHistogram.Bucket;
import java.util.List;

/**
 * What {@code histogram_quantile}, {@code histogram_fraction}, {@code histogram_stddev} and
 * {@code histogram_stdvar} estimate from a native histogram. Inside a bucket, observations are
 * assumed spread exponentially for exponential buckets (linearly in the zero bucket and in
 * custom buckets), as Prometheus assumes.
 */
final class HistogramStatistics {

    /** An estimate, and the info Prometheus attaches to it (null for none). */
    record Estimate(double value, String info) {

        static Estimate of(double value) {
            return new Estimate(value, null);
        }
    }

    static final String QUANTILE_NAN_RESULT = "input to histogram_quantile has NaN observations, result is NaN";
    static final String QUANTILE_NAN_SKEW = "input to histogram_quantile has NaN observations, result is skewed higher";
    static final String FRACTION_NANS = "input to histogram_fraction has NaN observations, which are excluded from all fractions";

    private HistogramStatistics() {
    }

    /**
     * The {@code q} quantile. From below for {@code q < 0.5} (and when the sum is NaN, which means
     * NaN observations above every bucket), otherwise from above, to stay exact at the edges.
     */
    static Estimate quantile(double q, FloatHistogram h) {
        if (q < 0) {
            return Estimate.of(Double.NEGATIVE_INFINITY);
        }
        if (q > 1) {
            return Estimate.of(Double.POSITIVE_INFINITY);
        }
        if (h.count() == 0 || Double.isNaN(q)) {
            return Estimate.of(Double.NaN);
        }
        boolean fromBelow = Double.isNaN(h.sum()) || q < 0.5;
        List<Bucket> buckets = h.allBuckets(!fromBelow);
        double rank = fromBelow ? q * h.count() : (1 - q) * h.count();
        double count = 0;
        Bucket bucket = null;
        int at = 0;
        for (; at < buckets.size(); at++) {
            Bucket b = buckets.get(at);
            // Like Prometheus's loop, the last bucket visited counts even when empty.
            bucket = b;
            if (b.count() == 0) {
                continue;
            }
            count += b.count();
            if (count >= rank) {
                break;
            }
        }
        double lower = bucket == null ? 0 : bucket.lower();
        double upper = bucket == null ? 0 : bucket.upper();
        double bucketCount = bucket == null ? 0 : bucket.count();
        if (!h.usesCustomBuckets() && lower < 0 && upper > 0) {
            if (h.negative().size() == 0 && h.positive().size() > 0) {
                lower = 0;
            } else if (h.positive().size() == 0 && h.negative().size() > 0) {
                upper = 0;
            }
        } else if (h.usesCustomBuckets()) {
            if (lower == Double.NEGATIVE_INFINITY) {
                if (upper <= 0) {
                    return Estimate.of(upper);
                }
                lower = 0;
            } else if (upper == Double.POSITIVE_INFINITY) {
                return Estimate.of(lower);
            }
        }
        count = Math.min(count, h.count());
        if (count < rank) {
            if (Double.isNaN(h.sum())) {
                return new Estimate(Double.NaN, QUANTILE_NAN_RESULT);
            }
            return Estimate.of(upper);
        }
        if (fromBelow) {
            rank -= count - bucketCount;
        } else {
            rank = count - rank;
        }
        String info = null;
        if (Double.isNaN(h.sum())) {
            for (int i = at + 1; i < buckets.size(); i++) {
                count += buckets.get(i).count();
            }
            if (count < h.count()) {
                info = QUANTILE_NAN_SKEW;
            }
        }
        double fraction = rank / bucketCount;
        if (h.usesCustomBuckets() || (lower <= 0 && upper >= 0)) {
            return new Estimate(lower + (upper - lower) * fraction, info);
        }
        double logLower = MathFunctions.log2(Math.abs(lower));
        double logUpper = MathFunctions.log2(Math.abs(upper));
        if (lower > 0) {
            return new Estimate(exp2(logLower + (logUpper - logLower) * fraction), info);
        }
        return new Estimate(-exp2(logUpper + (logLower - logUpper) * (1 - fraction)), info);
    }

    /** Go's {@code math.Exp2}, exact for integer powers as Java's {@code pow} is. */
    private static double exp2(double x) {
        return Math.pow(2, x);
    }

    /** The share of observations between {@code lower} and {@code upper}, interpolated inside the buckets that hold them. */
    static Estimate fraction(double lower, double upper, FloatHistogram h) {
        if (h.count() == 0 || Double.isNaN(lower) || Double.isNaN(upper)) {
            return Estimate.of(Double.NaN);
        }
        if (lower >= upper) {
            return Estimate.of(0);
        }
        List<Bucket> buckets = h.allBuckets(false);
        double count = 0;
        double rank = 0;
        double lowerRank = 0;
        double upperRank = 0;
        boolean lowerSet = false;
        boolean upperSet = false;
        int at = 0;
        for (; at < buckets.size(); at++) {
            Bucket b = buckets.get(at);
            count += b.count();
            boolean zeroBucket = false;
            if (b.lower() <= 0 && b.upper() >= 0) {
                zeroBucket = true;
                if (h.negative().size() == 0 && h.positive().size() > 0) {
                    b = b.withBounds(0, b.upper());
                } else if (h.positive().size() == 0 && h.negative().size() > 0) {
                    b = b.withBounds(b.lower(), 0);
                }
            }
            if (!lowerSet && b.lower() >= lower) {
                lowerRank = rank;
                lowerSet = true;
            }
            if (!upperSet && b.lower() >= upper) {
                upperRank = rank;
                upperSet = true;
            }
            if (lowerSet && upperSet) {
                break;
            }
            boolean linear = h.usesCustomBuckets() || zeroBucket;
            if (!lowerSet && b.lower() < lower && b.upper() > lower) {
                lowerRank = rankAt(lower, b, rank, linear);
                lowerSet = true;
            }
            if (!upperSet && b.lower() < upper && b.upper() > upper) {
                upperRank = rankAt(upper, b, rank, linear);
                upperSet = true;
            }
            if (lowerSet && upperSet) {
                break;
            }
            rank += b.count();
        }
        String info = null;
        if (Double.isNaN(h.sum())) {
            for (int i = at + 1; i < buckets.size(); i++) {
                count += buckets.get(i).count();
            }
            if (count < h.count()) {
                info = FRACTION_NANS;
            }
        } else {
            count = h.count();
        }
        if (!lowerSet || lowerRank > count) {
            lowerRank = count;
        }
        if (!upperSet || upperRank > count) {
            upperRank = count;
        }
        return new Estimate((upperRank - lowerRank) / h.count(), info);
    }

    /** The rank at {@code v} inside bucket {@code b}; a bucket reaching down to -Inf counts whole. */
    private static double rankAt(double v, Bucket b, double rank, boolean linear) {
        if (linear && b.lower() == Double.NEGATIVE_INFINITY) {
            return b.count();
        }
        return rank + b.count() * b.fractionBelow(v, linear);
    }

    /**
     * The variance of the observations, each bucket's count placed at its middle: the arithmetic
     * mean for custom buckets, zero for the zero bucket, the geometric mean for exponential ones.
     */
    static double variance(FloatHistogram h) {
        double mean = h.sum() / h.count();
        KahanSum variance = new KahanSum();
        for (Bucket b : h.allBuckets(false)) {
            if (b.count() == 0) {
                continue;
            }
            double value;
            if (h.usesCustomBuckets()) {
                value = (b.upper() + b.lower()) / 2.0;
            } else if (b.lower() <= 0 && b.upper() >= 0) {
                value = 0;
            } else {
                value = Math.sqrt(b.upper() * b.lower());
                if (b.upper() < 0) {
                    value = -value;
                }
            }
            double delta = value - mean;
            variance.add(b.count() * delta * delta);
        }
        return variance.sum() / h.count();
    }
}
