package dev.alertbook.promql.engine;

import dev.alertbook.golang.FloatFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A native histogram with float counts, Prometheus's {@code histogram.FloatHistogram}. Each side
 * keeps the bucket indexes it holds, ascending, with their absolute counts: exactly the set of
 * buckets Prometheus's spans describe, so that a bucket present with a count of zero stays
 * distinct from one that is absent, as it is in Prometheus. Instances are immutable; every
 * operation returns a new one.
 */
public final class FloatHistogram {

    /** The schema of native histograms with custom bucket bounds (NHCB). */
    public static final int CUSTOM_BUCKETS_SCHEMA = -53;
    public static final int EXPONENTIAL_SCHEMA_MIN = -4;
    public static final int EXPONENTIAL_SCHEMA_MAX = 8;

    /** What a histogram says about counter resets; {@code unknown} until the storage knows better. */
    public enum CounterResetHint {
        UNKNOWN, RESET, NOT_RESET, GAUGE;

        /** The name in the series notation, {@code not_reset} for example. */
        public String literal() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One side's buckets: the indexes present, strictly ascending, and the count of each. */
    public static final class Buckets {

        public static final Buckets NONE = new Buckets(new int[0], new double[0]);

        private final int[] indexes;
        private final double[] counts;

        Buckets(int[] indexes, double[] counts) {
            this.indexes = indexes;
            this.counts = counts;
        }

        /** Consecutive buckets from {@code offset}, as one span of the series notation describes them. */
        public static Buckets run(int offset, double... counts) {
            int[] indexes = new int[counts.length];
            for (int i = 0; i < counts.length; i++) {
                indexes[i] = offset + i;
            }
            return counts.length == 0 ? NONE : new Buckets(indexes, counts.clone());
        }

        public int size() {
            return indexes.length;
        }

        public int index(int i) {
            return indexes[i];
        }

        public double count(int i) {
            return counts[i];
        }

        int[] indexes() {
            return indexes;
        }

        double[] counts() {
            return counts;
        }

        Buckets scaled(double factor, boolean divide) {
            double[] out = new double[counts.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = divide ? counts[i] / factor : counts[i] * factor;
            }
            return new Buckets(indexes, out);
        }

        Buckets withCounts(double[] newCounts) {
            return new Buckets(indexes, newCounts);
        }

        /**
         * Prometheus's {@code Compact(maxEmpty)} as a set of buckets: the buckets with a count,
         * and the empty indexes between two of them when at most {@code maxEmpty} lie between.
         */
        Buckets compact(int maxEmpty) {
            int[] outIndexes = new int[indexes.length];
            double[] outCounts = new double[indexes.length];
            int n = 0;
            int previous = 0;
            boolean any = false;
            for (int i = 0; i < indexes.length; i++) {
                if (counts[i] == 0) {
                    continue;
                }
                long gap = any ? (long) indexes[i] - previous - 1 : 0;
                if (gap > 0 && gap <= maxEmpty) {
                    int need = n + (int) gap + (indexes.length - i);
                    if (need > outIndexes.length) {
                        outIndexes = Arrays.copyOf(outIndexes, need);
                        outCounts = Arrays.copyOf(outCounts, need);
                    }
                    for (int index = previous + 1; index < indexes[i]; index++) {
                        outIndexes[n] = index;
                        outCounts[n++] = 0;
                    }
                }
                outIndexes[n] = indexes[i];
                outCounts[n++] = counts[i];
                previous = indexes[i];
                any = true;
            }
            if (n == indexes.length) {
                return this;
            }
            return n == 0 ? NONE : new Buckets(Arrays.copyOf(outIndexes, n), Arrays.copyOf(outCounts, n));
        }

        /** The same indexes in the same order, counts compared by their bits, as Prometheus's {@code Equals}. */
        boolean sameAs(Buckets other) {
            if (!Arrays.equals(indexes, other.indexes)) {
                return false;
            }
            for (int i = 0; i < counts.length; i++) {
                if (Double.doubleToRawLongBits(counts[i]) != Double.doubleToRawLongBits(other.counts[i])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Buckets other && Arrays.equals(indexes, other.indexes) && Arrays.equals(counts, other.counts);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(indexes) + Arrays.hashCode(counts);
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("{");
            for (int i = 0; i < indexes.length; i++) {
                out.append(i == 0 ? "" : ", ").append(indexes[i]).append(':').append(counts[i]);
            }
            return out.append('}').toString();
        }
    }

    /**
     * One bucket with its bounds, as Prometheus's bucket iterators give it: inclusive ends are
     * those towards zero being excluded ({@code (a, b]} for positive buckets).
     */
    public record Bucket(double lower, double upper, boolean lowerInclusive, boolean upperInclusive, double count,
            int index) {

        Bucket withBounds(double newLower, double newUpper) {
            return new Bucket(newLower, newUpper, lowerInclusive, upperInclusive, count, index);
        }

        /** The share of the bucket below {@code v}: linear, or logarithmic as exponential buckets are. */
        double fractionBelow(double v, boolean linear) {
            if (linear) {
                return (v - lower) / (upper - lower);
            }
            double logLower = MathFunctions.log2(Math.abs(lower));
            double logUpper = MathFunctions.log2(Math.abs(upper));
            double logV = MathFunctions.log2(Math.abs(v));
            if (v > 0) {
                return (logV - logLower) / (logUpper - logLower);
            }
            return 1 - ((logV - logUpper) / (logLower - logUpper));
        }

        /** Go's {@code Bucket.String()}: {@code (0.5,1]:3}. */
        @Override
        public String toString() {
            return (lowerInclusive ? "[" : "(") + FloatFormat.format(lower, 'g', -1) + "," + FloatFormat.format(upper, 'g', -1)
                    + (upperInclusive ? "]" : ")") + ":" + FloatFormat.format(count, 'g', -1);
        }
    }

    /** The fractional powers of two of each exponential schema: bound {@code i} is {@code 2^(i / 2^schema)}. */
    private static final double[][] FRACTIONS = new double[EXPONENTIAL_SCHEMA_MAX + 1][];

    static {
        for (int schema = 0; schema <= EXPONENTIAL_SCHEMA_MAX; schema++) {
            int n = 1 << schema;
            FRACTIONS[schema] = new double[n];
            for (int i = 0; i < n; i++) {
                FRACTIONS[schema][i] = Math.pow(2, (double) i / n) / 2;
            }
        }
    }

    private static final double[] NO_VALUES = new double[0];

    private final CounterResetHint counterResetHint;
    private final int schema;
    private final double zeroThreshold;
    private final double zeroCount;
    private final double count;
    private final double sum;
    private final Buckets positive;
    private final Buckets negative;
    private final double[] customValues;

    public FloatHistogram(CounterResetHint counterResetHint, int schema, double zeroThreshold, double zeroCount,
            double count, double sum, Buckets positive, Buckets negative, double[] customValues) {
        this.counterResetHint = counterResetHint;
        this.schema = schema;
        this.zeroThreshold = zeroThreshold;
        this.zeroCount = zeroCount;
        this.count = count;
        this.sum = sum;
        this.positive = positive;
        this.negative = negative;
        this.customValues = customValues == null ? NO_VALUES : customValues.clone();
    }

    public CounterResetHint counterResetHint() {
        return counterResetHint;
    }

    public int schema() {
        return schema;
    }

    public double zeroThreshold() {
        return zeroThreshold;
    }

    public double zeroCount() {
        return zeroCount;
    }

    public double count() {
        return count;
    }

    public double sum() {
        return sum;
    }

    public Buckets positive() {
        return positive;
    }

    public Buckets negative() {
        return negative;
    }

    /** The upper bounds of the custom buckets, {@code +Inf} left implicit; empty for exponential schemas. */
    public double[] customValues() {
        return customValues.clone();
    }

    double[] customBounds() {
        return customValues;
    }

    public boolean usesCustomBuckets() {
        return schema == CUSTOM_BUCKETS_SCHEMA;
    }

    public static boolean isExponentialSchema(int schema) {
        return schema >= EXPONENTIAL_SCHEMA_MIN && schema <= EXPONENTIAL_SCHEMA_MAX;
    }

    /** Whether this histogram is a stale marker: Prometheus marks a histogram series stale with a stale sum. */
    public boolean isStale() {
        return StaleMarker.is(sum);
    }

    public FloatHistogram withCounterResetHint(CounterResetHint hint) {
        return hint == counterResetHint ? this
                : new FloatHistogram(hint, schema, zeroThreshold, zeroCount, count, sum, positive, negative, customValues);
    }

    FloatHistogram with(double newZeroThreshold, double newZeroCount, double newCount, double newSum, Buckets newPositive,
            Buckets newNegative, CounterResetHint hint) {
        return new FloatHistogram(hint, schema, newZeroThreshold, newZeroCount, newCount, newSum, newPositive, newNegative,
                customValues);
    }

    /** Only what {@code histogram_count}, {@code _sum} and {@code _avg} read: Prometheus decodes nothing else for them. */
    FloatHistogram withoutBuckets(CounterResetHint hint) {
        return new FloatHistogram(hint, schema, 0, 0, count, sum, Buckets.NONE, Buckets.NONE, null);
    }

    /** Prometheus's {@code Mul}: every count and the sum scaled; a negative factor makes it a gauge. */
    public FloatHistogram times(double factor) {
        return new FloatHistogram(factor < 0 ? CounterResetHint.GAUGE : counterResetHint, schema, zeroThreshold,
                zeroCount * factor, count * factor, sum * factor, positive.scaled(factor, false),
                negative.scaled(factor, false), customValues);
    }

    /** Prometheus's {@code Div}: dividing by zero leaves no buckets; a negative divisor makes it a gauge. */
    public FloatHistogram dividedBy(double divisor) {
        if (divisor == 0) {
            return new FloatHistogram(counterResetHint, schema, zeroThreshold, zeroCount / divisor, count / divisor,
                    sum / divisor, Buckets.NONE, Buckets.NONE, customValues);
        }
        return new FloatHistogram(divisor < 0 ? CounterResetHint.GAUGE : counterResetHint, schema, zeroThreshold,
                zeroCount / divisor, count / divisor, sum / divisor, positive.scaled(divisor, true),
                negative.scaled(divisor, true), customValues);
    }

    /** Prometheus's {@code Compact(0)}: only the buckets with a count stay. */
    public FloatHistogram compact() {
        return compact(0);
    }

    /** Prometheus's {@code Compact(maxEmpty)}: empty buckets kept only in gaps of at most {@code maxEmpty}. */
    public FloatHistogram compact(int maxEmpty) {
        Buckets p = positive.compact(maxEmpty);
        Buckets n = negative.compact(maxEmpty);
        return p == positive && n == negative ? this
                : new FloatHistogram(counterResetHint, schema, zeroThreshold, zeroCount, count, sum, p, n, customValues);
    }

    /** {@code this + other}; see {@link HistogramSum} for how layouts, schemas and hints combine. */
    public Combined plus(FloatHistogram other) {
        return combine(other, 1);
    }

    /** {@code this - other}, with the same rules as {@link #plus}; the caller makes a {@code -} result a gauge. */
    public Combined minus(FloatHistogram other) {
        return combine(other, -1);
    }

    private Combined combine(FloatHistogram other, double sign) {
        HistogramSum sum = new HistogramSum(this);
        sum.add(other, sign, false);
        return new Combined(sum.value(), sum.counterResetCollision(), sum.boundsReconciled());
    }

    /**
     * The result of adding or subtracting two histograms, and what Prometheus reports about it: a
     * reset hint meeting a not-reset hint, and custom bucket bounds cut down to those both share.
     */
    public record Combined(FloatHistogram histogram, boolean counterResetCollision, boolean boundsReconciled) {
    }

    /**
     * Thrown when exponential and custom buckets meet, which no operation can combine; {@code at}
     * is the position of the histogram that met the others in a sum of several, 0 otherwise.
     */
    public static final class IncompatibleSchemas extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int at;

        IncompatibleSchemas() {
            this(0);
        }

        IncompatibleSchemas(int at) {
            super("cannot apply this operation on histograms with a mix of exponential and custom bucket schemas", null,
                    false, false);
            this.at = at;
        }

        int at() {
            return at;
        }
    }

    /** Prometheus's {@code CopyToSchema}: the buckets merged into a coarser exponential schema. */
    FloatHistogram reducedTo(int targetSchema) {
        if (targetSchema == schema) {
            return this;
        }
        HistogramSum copy = new HistogramSum(this);
        copy.reduceTo(targetSchema);
        return copy.value().withCounterResetHint(CounterResetHint.UNKNOWN);
    }

    /** Prometheus's {@code Equals}: the same layout and the same bits everywhere; the hint does not count. */
    public boolean exactlyEquals(FloatHistogram other) {
        if (schema != other.schema || !sameBits(count, other.count) || !sameBits(sum, other.sum)) {
            return false;
        }
        if (usesCustomBuckets() && !Arrays.equals(customValues, other.customValues)) {
            return false;
        }
        return zeroThreshold == other.zeroThreshold && sameBits(zeroCount, other.zeroCount)
                && negative.sameAs(other.negative) && positive.sameAs(other.positive);
    }

    private static boolean sameBits(double a, double b) {
        return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
    }

    /** Whether a count, the sum or a bucket overflowed to infinity, which makes the direct mean switch to the incremental one. */
    boolean hasOverflow() {
        if (Double.isInfinite(zeroCount) || Double.isInfinite(count) || Double.isInfinite(sum)) {
            return true;
        }
        for (double c : positive.counts) {
            if (Double.isInfinite(c)) {
                return true;
            }
        }
        for (double c : negative.counts) {
            if (Double.isInfinite(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The bound of bucket {@code index}: for exponential schemas {@code 2^(index / 2^schema)}; for
     * custom buckets the custom value, with -Inf before the first and +Inf after the last.
     */
    double bound(int index) {
        if (usesCustomBuckets()) {
            if (index == customValues.length) {
                return Double.POSITIVE_INFINITY;
            }
            return index < 0 ? Double.NEGATIVE_INFINITY : customValues[Math.min(index, customValues.length - 1)];
        }
        return upperBound(index, schema);
    }

    /** The upper bound of exponential bucket {@code index} of {@code schema}, Prometheus's {@code getBoundExponential}. */
    static double upperBound(int index, int schema) {
        if (schema < 0) {
            long exponent = (long) index << -schema;
            if (exponent == 1024) {
                return Double.MAX_VALUE;
            }
            return Math.scalb(1.0, (int) Math.max(Math.min(exponent, 2000), -2000));
        }
        double fraction = FRACTIONS[schema][index & ((1 << schema) - 1)];
        int exponent = (index >> schema) + 1;
        if (fraction == 0.5 && exponent == 1025) {
            return Double.MAX_VALUE;
        }
        return Math.scalb(fraction, exponent);
    }

    /** The bucket at position {@code i} of one side, with its bounds. */
    Bucket bucket(boolean positiveSide, int i) {
        Buckets side = positiveSide ? positive : negative;
        int index = side.indexes[i];
        double lower;
        double upper;
        if (positiveSide) {
            upper = bound(index);
            lower = bound(index - 1);
        } else {
            lower = -bound(index);
            upper = -bound(index - 1);
        }
        boolean custom = usesCustomBuckets();
        return new Bucket(lower, upper, custom ? index == 0 : lower < 0, custom || upper > 0, side.counts[i], index);
    }

    /** The zero bucket, {@code [-threshold, threshold]}. */
    Bucket zeroBucket() {
        return new Bucket(-zeroThreshold, zeroThreshold, true, true, zeroCount, 0);
    }

    /**
     * Every bucket from the lowest to the highest (or the other way with {@code descending}):
     * negative, the zero bucket if it holds anything, then positive. Buckets reaching into the
     * zero bucket end at its threshold, as Prometheus's {@code AllBucketIterator} gives them.
     */
    List<Bucket> allBuckets(boolean descending) {
        List<Bucket> out = new ArrayList<>(positive.size() + negative.size() + 1);
        if (!descending) {
            for (int i = negative.size() - 1; i >= 0; i--) {
                out.add(clipToZeroBucket(bucket(false, i)));
            }
        } else {
            for (int i = positive.size() - 1; i >= 0; i--) {
                out.add(clipToZeroBucket(bucket(true, i)));
            }
        }
        if (zeroCount > 0) {
            out.add(zeroBucket());
        }
        Buckets rest = descending ? negative : positive;
        for (int i = 0; i < rest.size(); i++) {
            out.add(clipToZeroBucket(bucket(!descending, i)));
        }
        return out;
    }

    private Bucket clipToZeroBucket(Bucket b) {
        if (b.upper() < 0 && b.upper() > -zeroThreshold) {
            return b.withBounds(b.lower(), -zeroThreshold);
        }
        if (b.lower() > 0 && b.lower() < zeroThreshold) {
            return b.withBounds(zeroThreshold, b.upper());
        }
        return b;
    }

    /** The buckets of one side, nearest zero first, at this histogram's own schema. */
    List<Bucket> sideBuckets(boolean positiveSide) {
        Buckets side = positiveSide ? positive : negative;
        List<Bucket> out = new ArrayList<>(side.size());
        for (int i = 0; i < side.size(); i++) {
            out.add(bucket(positiveSide, i));
        }
        return out;
    }

    /** Whether every bucket is present and well formed, or why not: what Prometheus's {@code Validate} refuses. */
    public String validationError() {
        if (usesCustomBuckets()) {
            double previous = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < customValues.length; i++) {
                double bound = customValues[i];
                if (Double.isNaN(bound)) {
                    return "custom buckets: histogram custom bounds must not be NaN";
                }
                if (i > 0 && bound <= previous) {
                    return "custom buckets: previous bound is " + FloatFormat.format(previous, 'f', 6) + " and current is "
                            + FloatFormat.format(bound, 'f', 6) + ": histogram custom bounds must be in strictly increasing order";
                }
                previous = bound;
            }
            if (previous == Double.POSITIVE_INFINITY) {
                return "custom buckets: last +Inf bound must not be explicitly defined: histogram custom bounds must be finite";
            }
            if (positive.size() > 0 && (positive.indexes[0] < 0 || positive.indexes[positive.size() - 1] > customValues.length)) {
                return "custom buckets: only " + customValues.length + " custom bounds defined which is insufficient to cover "
                        + "total span length of " + (positive.indexes[positive.size() - 1] + 1)
                        + ": histogram custom bounds are too few";
            }
            if (zeroCount != 0) {
                return "custom buckets: must have zero count of 0";
            }
            if (zeroThreshold != 0) {
                return "custom buckets: must have zero threshold of 0";
            }
            if (negative.size() > 0) {
                return "custom buckets: must not have negative buckets";
            }
        } else if (isExponentialSchema(schema)) {
            if (customValues.length > 0) {
                return "histogram with exponential schema must not have custom bounds";
            }
            String problem = negativeBucket(negative, "negative side");
            if (problem != null) {
                return problem;
            }
            if (zeroCount < 0) {
                return "zero bucket has observation count of " + FloatFormat.format(zeroCount, 'g', -1)
                        + ": histogram has a bucket whose observation count is negative";
            }
        } else {
            return "histogram has an invalid schema, which must be between " + EXPONENTIAL_SCHEMA_MIN + " and "
                    + EXPONENTIAL_SCHEMA_MAX + " for exponential buckets, or " + CUSTOM_BUCKETS_SCHEMA
                    + " for custom buckets, got schema " + schema;
        }
        if (count < 0) {
            return "observation count is  " + FloatFormat.format(count, 'g', -1) + ": histogram's observation count is negative";
        }
        return negativeBucket(positive, "positive side");
    }

    private static String negativeBucket(Buckets side, String name) {
        for (int i = 0; i < side.size(); i++) {
            if (side.counts[i] < 0) {
                return name + ": bucket number " + (i + 1) + " has observation count of "
                        + FloatFormat.format(side.counts[i], 'g', -1) + ": histogram has a bucket whose observation count is negative";
            }
        }
        return null;
    }

    /**
     * Prometheus's {@code TestExpression()}: the histogram compacted to one run of buckets per side,
     * in the series notation, with only the fields that are not zero, in Prometheus's key order.
     */
    public String testExpression() {
        List<String> fields = new ArrayList<>();
        if (schema != 0) {
            fields.add("schema:" + schema);
        }
        addNumber(fields, "count", count);
        addNumber(fields, "sum", sum);
        addNumber(fields, "z_bucket", zeroCount);
        addNumber(fields, "z_bucket_w", zeroThreshold);
        if (usesCustomBuckets()) {
            fields.add("custom_values:" + list(customValues, 0, customValues.length));
        }
        if (counterResetHint != CounterResetHint.UNKNOWN) {
            fields.add("counter_reset_hint:" + counterResetHint.literal());
        }
        addRun(fields, "buckets", "offset", positive.compact(Integer.MAX_VALUE));
        addRun(fields, "n_buckets", "n_offset", negative.compact(Integer.MAX_VALUE));
        return "{{" + String.join(" ", fields) + "}}";
    }

    private static void addNumber(List<String> fields, String key, double value) {
        if (value != 0) {
            fields.add(key + ":" + FloatFormat.format(value, 'g', -1));
        }
    }

    private static void addRun(List<String> fields, String key, String offsetKey, Buckets run) {
        if (run.size() == 0) {
            return;
        }
        if (run.indexes[0] != 0) {
            fields.add(offsetKey + ":" + run.indexes[0]);
        }
        fields.add(key + ":" + list(run.counts, 0, run.size()));
    }

    /** Go's {@code %g} of a {@code []float64}: {@code [1 2.5]}. */
    private static String list(double[] values, int from, int to) {
        StringBuilder out = new StringBuilder("[");
        for (int i = from; i < to; i++) {
            out.append(i == from ? "" : " ").append(FloatFormat.format(values[i], 'g', -1));
        }
        return out.append(']').toString();
    }

    /** Value equality, the hint included: the same fields and the same buckets, counts compared as {@link Double#equals}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof FloatHistogram other && counterResetHint == other.counterResetHint && schema == other.schema
                && Double.compare(zeroThreshold, other.zeroThreshold) == 0 && Double.compare(zeroCount, other.zeroCount) == 0
                && Double.compare(count, other.count) == 0 && Double.compare(sum, other.sum) == 0
                && positive.equals(other.positive) && negative.equals(other.negative)
                && Arrays.equals(customValues, other.customValues);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(counterResetHint, schema, zeroThreshold, zeroCount, count, sum, positive, negative,
                Arrays.hashCode(customValues));
    }

    /**
     * Go's {@code FloatHistogram.String()}, which {@code count_values} puts in its label:
     * {@code {count:3, sum:5, [-2,-1):1, [-0.001,0.001]:1, (1,2]:1}}, empty buckets left out.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{count:").append(FloatFormat.format(count, 'g', -1)).append(", sum:")
                .append(FloatFormat.format(sum, 'g', -1));
        for (int i = negative.size() - 1; i >= 0; i--) {
            if (negative.counts[i] != 0) {
                out.append(", ").append(bucket(false, i));
            }
        }
        if (zeroCount != 0) {
            out.append(", ").append(zeroBucket());
        }
        for (int i = 0; i < positive.size(); i++) {
            if (positive.counts[i] != 0) {
                out.append(", ").append(bucket(true, i));
            }
        }
        return out.append('}').toString();
    }
}
