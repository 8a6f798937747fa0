package dev.alertbook.promql.engine;

import dev.alertbook.promql.engine.FloatHistogram.Bucket;
import java.util.List;

/**
 * The trim operators {@code h </ x} (keep the observations below x) and {@code h >/ x} (keep
 * those above), Prometheus's {@code TrimBuckets}: buckets wholly on the dropped side are emptied,
 * the one holding x keeps its interpolated share, and when anything was cut the count and sum are
 * estimated again from what is left, each bucket's share at its middle.
 */
final class HistogramTrim {

    private double count;
    private double sum;
    private boolean trimmed;
    /** Whether the side trimmed last had a bucket with a count before trimming. */
    private boolean populated;

    private HistogramTrim() {
    }

    static FloatHistogram trim(FloatHistogram h, double rhs, boolean upper) {
        HistogramTrim trim = new HistogramTrim();
        boolean custom = h.usesCustomBuckets();
        double[] positive = trim.side(h.sideBuckets(true), rhs, upper, true, custom);
        boolean hasPositive = trim.populated;
        double[] negative = trim.side(h.sideBuckets(false), rhs, upper, false, custom);
        boolean hasNegative = trim.populated;
        double zeroCount = h.zeroCount();
        if (zeroCount > 0) {
            double[] kept = zeroBucket(h.zeroBucket(), rhs, hasNegative, hasPositive, upper);
            if (zeroCount != kept[0]) {
                zeroCount = kept[0];
                trim.trimmed = true;
            }
            trim.sum += kept[1] * kept[0];
            trim.count += kept[0];
        }
        if (!trim.trimmed) {
            return h;
        }
        return h.with(h.zeroThreshold(), zeroCount, trim.count, trim.sum, h.positive().withCounts(positive),
                h.negative().withCounts(negative), h.counterResetHint()).compact();
    }

    /** The trimmed counts of one side's buckets, the kept observations added to the new count and sum. */
    private double[] side(List<Bucket> buckets, double rhs, boolean upper, boolean positive, boolean custom) {
        double[] counts = new double[buckets.size()];
        populated = false;
        for (int i = 0; i < counts.length; i++) {
            Bucket b = buckets.get(i);
            counts[i] = b.count();
            if (b.count() == 0) {
                continue;
            }
            populated = true;
            boolean keepAll = upper ? b.upper() <= rhs : b.lower() >= rhs;
            boolean split = upper ? b.lower() < rhs : b.upper() > rhs;
            if (keepAll) {
                count += b.count();
                sum += midpoint(b.lower(), b.upper(), positive, custom) * b.count();
            } else if (split) {
                double[] kept = bucket(b, rhs, upper, positive, custom);
                count += kept[0];
                sum += kept[1] * kept[0];
                if (counts[i] != kept[0]) {
                    counts[i] = kept[0];
                    trimmed = true;
                }
            } else {
                counts[i] = 0;
                trimmed = true;
            }
        }
        return counts;
    }

    /** The count kept from a bucket that holds {@code rhs}, and the middle of what is kept. */
    private static double[] bucket(Bucket b, double rhs, boolean upper, boolean positive, boolean custom) {
        if (Double.isInfinite(b.lower()) || Double.isInfinite(b.upper())) {
            return infiniteBucket(upper, b, rhs);
        }
        double below = rhs <= b.lower() ? 0 : rhs >= b.upper() ? b.count() : b.count() * b.fractionBelow(rhs, custom);
        if (upper) {
            return new double[] {below, midpoint(b.lower(), rhs, positive, custom)};
        }
        return new double[] {b.count() - below, midpoint(rhs, b.upper(), positive, custom)};
    }

    /**
     * A bucket reaching to -Inf or +Inf: nothing is known of how its observations spread, so it is
     * kept or dropped whole, except that a custom first bucket with a positive bound is read as starting at 0.
     */
    private static double[] infiniteBucket(boolean upper, Bucket b, double rhs) {
        if (b.lower() == Double.NEGATIVE_INFINITY) {
            if (upper) {
                if (rhs >= b.upper()) {
                    return new double[] {b.count(), 0};
                }
                if (rhs > 0 && b.upper() > 0 && b.upper() != Double.POSITIVE_INFINITY) {
                    return new double[] {b.count() * rhs / b.upper(), rhs / 2};
                }
                if (b.upper() <= 0) {
                    return new double[] {b.count(), rhs};
                }
                return new double[] {0, finite(b.upper())};
            }
            if (rhs >= 0 && b.upper() > rhs && b.upper() != Double.POSITIVE_INFINITY) {
                return new double[] {b.count() * (1 - rhs / b.upper()), (rhs + b.upper()) / 2};
            }
            return new double[] {0, finite(b.upper())};
        }
        if (upper) {
            return new double[] {0, finite(b.lower())};
        }
        if (rhs >= b.lower()) {
            return new double[] {b.count(), rhs};
        }
        return new double[] {0, finite(b.lower())};
    }

    private static double finite(double x) {
        return Double.isInfinite(x) ? 0 : x;
    }

    /** The zero bucket's kept count and middle, read as [0, t] or [-t, 0] when only one side has buckets. */
    private static double[] zeroBucket(Bucket zero, double rhs, boolean hasNegative, boolean hasPositive, boolean upper) {
        double lower = zero.lower();
        double high = zero.upper();
        if (hasNegative && !hasPositive) {
            high = 0;
        }
        if (hasPositive && !hasNegative) {
            lower = 0;
        }
        if (upper) {
            if (rhs <= lower) {
                return new double[] {0, 0};
            }
            if (rhs >= high) {
                return new double[] {zero.count(), (lower + high) / 2};
            }
            return new double[] {zero.count() * (rhs - lower) / (high - lower), (lower + rhs) / 2};
        }
        if (rhs <= lower) {
            return new double[] {zero.count(), (lower + high) / 2};
        }
        if (rhs >= high) {
            return new double[] {0, 0};
        }
        return new double[] {zero.count() * (high - rhs) / (high - lower), (rhs + high) / 2};
    }

    /** The middle of the kept interval: arithmetic for custom buckets, geometric for exponential ones. */
    private static double midpoint(double lower, double upper, boolean positive, boolean linear) {
        if (Double.isInfinite(lower)) {
            if (Double.isInfinite(upper)) {
                return 0;
            }
            return upper > 0 ? upper / 2 : upper;
        }
        if (Double.isInfinite(upper)) {
            return lower;
        }
        if (linear) {
            return (lower + upper) / 2;
        }
        double geometric = Math.sqrt(Math.abs(lower * upper));
        return positive ? geometric : -geometric;
    }
}
