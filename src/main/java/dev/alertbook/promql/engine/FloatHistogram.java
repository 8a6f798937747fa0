package dev.alertbook.promql.engine;

import dev.alertbook.template.GoFloat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * A native histogram with float counts, Prometheus's {@code histogram.FloatHistogram}: what the
 * series notation's {@code {{…}}} literals describe. Each side holds its buckets as one run of
 * consecutive indexes with absolute counts, where Prometheus may have several spans; the two
 * agree once compacted, and compacted is how tests compare and print histograms.
 */
public record FloatHistogram(CounterResetHint counterResetHint, int schema, double zeroThreshold, double zeroCount,
        double count, double sum, Buckets positive, Buckets negative, List<Double> customValues) {

    /** The schema of native histograms with custom bucket bounds (NHCB). */
    public static final int CUSTOM_BUCKETS_SCHEMA = -53;
    private static final int EXPONENTIAL_SCHEMA_MIN = -4;
    private static final int EXPONENTIAL_SCHEMA_MAX = 8;

    /** What a histogram says about counter resets; {@code unknown} until the storage knows better. */
    public enum CounterResetHint {
        UNKNOWN, RESET, NOT_RESET, GAUGE;

        /** The name in the series notation, {@code not_reset} for example. */
        public String literal() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One side's buckets: {@code counts.get(i)} is the count of bucket index {@code offset + i}.
     * Indexes outside the run hold nothing, which reads as zero.
     */
    public record Buckets(int offset, List<Double> counts) {

        public static final Buckets NONE = new Buckets(0, List.of());

        /** Whole bucket runs spanning more indexes than this are refused: they would be mostly zeros. */
        private static final long MAX_RUN = 1 << 20;

        public Buckets {
            counts = List.copyOf(counts);
        }

        private long end() {
            return (long) offset + counts.size();
        }

        private double at(long index) {
            return index >= offset && index < end() ? counts.get((int) (index - offset)) : 0;
        }

        /** Without the empty buckets at either edge, as Prometheus's {@code Compact} cuts them. */
        Buckets compact() {
            int from = 0;
            int to = counts.size();
            while (from < to && counts.get(from) == 0) {
                from++;
            }
            while (to > from && counts.get(to - 1) == 0) {
                to--;
            }
            return from == to ? NONE : new Buckets(offset + from, counts.subList(from, to));
        }

        /** {@code this + sign * other}, bucket by bucket; {@code other}'s buckets that {@code skip} names are left out. */
        Buckets plus(Buckets other, double sign, IntPredicate skip) {
            List<Double> added = new ArrayList<>(other.counts.size());
            int first = -1;
            for (int i = 0; i < other.counts.size(); i++) {
                if (first < 0 && skip.test(other.offset + i)) {
                    continue;
                }
                first = first < 0 ? i : first;
                added.add(other.counts.get(i) * sign);
            }
            if (added.isEmpty()) {
                return this;
            }
            int addedOffset = other.offset + first;
            if (counts.isEmpty()) {
                return new Buckets(addedOffset, added);
            }
            long from = Math.min(offset, addedOffset);
            long to = Math.max(end(), (long) addedOffset + added.size());
            if (to - from > MAX_RUN) {
                throw new IllegalArgumentException("histogram buckets " + offset + " and " + addedOffset
                        + " are too far apart to combine");
            }
            List<Double> out = new ArrayList<>((int) (to - from));
            for (long index = from; index < to; index++) {
                boolean mine = index >= offset && index < end();
                boolean theirs = index >= addedOffset && index < (long) addedOffset + added.size();
                double addend = theirs ? added.get((int) (index - addedOffset)) : 0;
                // A bucket only one side has is taken as it is, so that a -0 stays -0 as in Prometheus.
                out.add(mine && theirs ? at(index) + addend : mine ? at(index) : addend);
            }
            return new Buckets((int) from, out);
        }

        /** The buckets in a coarser schema: each target bucket sums the buckets it covers ({@code targetIdx}). */
        Buckets reduced(int fromSchema, int toSchema) {
            if (fromSchema == toSchema || counts.isEmpty()) {
                return this;
            }
            int shift = (int) Math.min((long) fromSchema - toSchema, 63);
            long first = reducedIndex(offset, shift);
            Double[] out = new Double[(int) (reducedIndex(end() - 1, shift) - first + 1)];
            for (int i = 0; i < counts.size(); i++) {
                int at = (int) (reducedIndex((long) offset + i, shift) - first);
                out[at] = out[at] == null ? counts.get(i) : out[at] + counts.get(i);
            }
            List<Double> list = new ArrayList<>(out.length);
            for (Double count : out) {
                list.add(count == null ? 0 : count);
            }
            return new Buckets((int) first, list);
        }

        private static long reducedIndex(long index, int shift) {
            return ((index - 1) >> shift) + 1;
        }

        /** Whether a bucket of {@code previous} holds more than this side's bucket of the same index. */
        boolean lostCountsOf(Buckets previous) {
            for (int i = 0; i < previous.counts.size(); i++) {
                long index = (long) previous.offset + i;
                double before = previous.counts.get(i);
                boolean present = index >= offset && index < end();
                if (present ? before > at(index) : before != 0) {
                    return true;
                }
            }
            return false;
        }
    }

    public FloatHistogram {
        customValues = List.copyOf(customValues);
    }

    private boolean usesCustomBuckets() {
        return schema == CUSTOM_BUCKETS_SCHEMA;
    }

    FloatHistogram withCounterResetHint(CounterResetHint hint) {
        return new FloatHistogram(hint, schema, zeroThreshold, zeroCount, count, sum, positive, negative, customValues);
    }

    /** Prometheus's {@code Add}. */
    public FloatHistogram plus(FloatHistogram other) {
        return combine(other, 1);
    }

    /** Prometheus's {@code Sub}: the hint follows the same rules as for {@code Add}. */
    public FloatHistogram minus(FloatHistogram other) {
        return combine(other, -1);
    }

    private FloatHistogram combine(FloatHistogram other, double sign) {
        if (usesCustomBuckets() != other.usesCustomBuckets()) {
            throw new IllegalArgumentException(
                    "cannot apply this operation on histograms with a mix of exponential and custom bucket schemas");
        }
        CounterResetHint hint = combinedHint(other);
        double newCount = count + sign * other.count;
        double newSum = sum + sign * other.sum;
        if (usesCustomBuckets()) {
            if (!sameBounds(customValues, other.customValues)) {
                throw new IllegalArgumentException(
                        "native histograms with different custom bucket bounds cannot be combined by alertbook yet");
            }
            return new FloatHistogram(hint, schema, zeroThreshold, zeroCount, newCount, newSum,
                    positive.plus(other.positive, sign, index -> false), negative, customValues);
        }
        // Prometheus first widens the narrower zero bucket, which needs every bucket's bounds; literals
        // that need it are rare enough to refuse rather than approximate.
        if (zeroThreshold != other.zeroThreshold) {
            throw new IllegalArgumentException(
                    "native histograms with different zero bucket widths (z_bucket_w) cannot be combined by alertbook yet");
        }
        int target = Math.min(schema, other.schema);
        IntPredicate inZeroBucket = index -> target >= EXPONENTIAL_SCHEMA_MIN
                && target <= EXPONENTIAL_SCHEMA_MAX && upperBound(index, target) <= zeroThreshold;
        return new FloatHistogram(hint, target, zeroThreshold, zeroCount + sign * other.zeroCount, newCount, newSum,
                positive.reduced(schema, target).plus(other.positive.reduced(other.schema, target), sign, inZeroBucket),
                negative.reduced(schema, target).plus(other.negative.reduced(other.schema, target), sign, inZeroBucket),
                customValues);
    }

    /** Prometheus's {@code adjustCounterReset}: a gauge wins, then unknown; reset against not_reset is unknown. */
    private CounterResetHint combinedHint(FloatHistogram other) {
        CounterResetHint mine = counterResetHint;
        CounterResetHint theirs = other.counterResetHint;
        if (mine == theirs || mine == CounterResetHint.GAUGE) {
            return mine;
        }
        if (theirs == CounterResetHint.GAUGE) {
            return theirs;
        }
        return CounterResetHint.UNKNOWN;
    }

    private static boolean sameBounds(List<Double> a, List<Double> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).doubleValue() != b.get(i).doubleValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The upper bound of an exponential bucket, {@code 2^(index / 2^schema)}. Prometheus reads the
     * fractional powers from a table; {@code Math.pow} is within an ulp of it, which only matters
     * for a zero bucket width exactly on a bound.
     */
    static double upperBound(int index, int schema) {
        if (schema < 0) {
            long exponent = (long) index << -schema;
            if (exponent == 1024) {
                return Double.MAX_VALUE;
            }
            return Math.scalb(1.0, (int) Math.max(Math.min(exponent, 2000), -2000));
        }
        int perPowerOfTwo = 1 << schema;
        int fraction = index & (perPowerOfTwo - 1);
        double mantissa = Math.pow(2, (double) fraction / perPowerOfTwo) / 2;
        int exponent = (index >> schema) + 1;
        if (mantissa == 0.5 && exponent == 1025) {
            return Double.MAX_VALUE;
        }
        return Math.scalb(mantissa, exponent);
    }

    /**
     * Whether this histogram, stored right after {@code previous} in the same series, continues
     * previous's chunk as a counter histogram: the test of tsdb/chunkenc's {@code appendable}. A
     * gauge, an explicit reset, a new schema or zero bucket width, other custom bounds, or any
     * count that went down starts a new chunk instead.
     */
    boolean continuesCounter(FloatHistogram previous) {
        if (counterResetHint == CounterResetHint.GAUGE || previous.counterResetHint == CounterResetHint.GAUGE
                || counterResetHint == CounterResetHint.RESET || count < previous.count
                || schema != previous.schema || zeroThreshold != previous.zeroThreshold) {
            return false;
        }
        if (usesCustomBuckets() && !sameBounds(customValues, previous.customValues)) {
            return false;
        }
        return zeroCount >= previous.zeroCount && !positive.lostCountsOf(previous.positive)
                && !negative.lostCountsOf(previous.negative);
    }

    /**
     * Prometheus's {@code TestExpression()}: the compacted histogram in the series notation, with
     * only the fields that are not zero, in Prometheus's key order. Tests compare histograms by it.
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
            fields.add("custom_values:" + list(customValues));
        }
        if (counterResetHint != CounterResetHint.UNKNOWN) {
            fields.add("counter_reset_hint:" + counterResetHint.literal());
        }
        addBuckets(fields, "buckets", "offset", positive.compact());
        addBuckets(fields, "n_buckets", "n_offset", negative.compact());
        return "{{" + String.join(" ", fields) + "}}";
    }

    private static void addNumber(List<String> fields, String key, double value) {
        if (value != 0) {
            fields.add(key + ":" + GoFloat.format(value, 'g', -1));
        }
    }

    private static void addBuckets(List<String> fields, String key, String offsetKey, Buckets buckets) {
        if (buckets.counts().isEmpty()) {
            return;
        }
        if (buckets.offset() != 0) {
            fields.add(offsetKey + ":" + buckets.offset());
        }
        fields.add(key + ":" + list(buckets.counts()));
    }

    /** Go's {@code %g} of a {@code []float64}: {@code [1 2.5]}. */
    private static String list(List<Double> values) {
        List<String> texts = new ArrayList<>(values.size());
        values.forEach(v -> texts.add(GoFloat.format(v, 'g', -1)));
        return "[" + String.join(" ", texts) + "]";
    }
}
