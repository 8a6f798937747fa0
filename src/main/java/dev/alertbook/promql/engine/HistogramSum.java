package dev.alertbook.promql.engine;

import dev.alertbook.promql.engine.FloatHistogram.Buckets;
import dev.alertbook.promql.engine.FloatHistogram.CounterResetHint;
import java.util.Arrays;
import java.util.List;

/**
 * A histogram being added to, with a Kahan compensation term beside every count: Prometheus's
 * {@code Add}, {@code Sub} and {@code KahanAdd} in one mutable accumulator. Adding reconciles what
 * differs between the two histograms as Prometheus does: the wider zero bucket absorbs the
 * buckets inside it, the coarser schema wins, custom bounds are cut to those both share, and the
 * counter reset hints combine (a reset meeting a not-reset is a collision, reported).
 */
final class HistogramSum {

    private CounterResetHint hint;
    private int schema;
    private double zeroThreshold;
    private double zeroCount;
    private double zeroCountC;
    private double count;
    private double countC;
    private double sum;
    private double sumC;
    private Side positive;
    private Side negative;
    private double[] customValues;
    private boolean counterResetCollision;
    private boolean boundsReconciled;

    /** One side's buckets with their compensations, indexes ascending. */
    private static final class Side {

        int[] indexes;
        double[] values;
        double[] comps;
        int size;

        Side(int capacity) {
            indexes = new int[capacity];
            values = new double[capacity];
            comps = new double[capacity];
        }

        static Side of(Buckets buckets) {
            Side side = new Side(buckets.size());
            System.arraycopy(buckets.indexes(), 0, side.indexes, 0, buckets.size());
            System.arraycopy(buckets.counts(), 0, side.values, 0, buckets.size());
            side.size = buckets.size();
            return side;
        }

        Side copy() {
            Side copy = new Side(size);
            System.arraycopy(indexes, 0, copy.indexes, 0, size);
            System.arraycopy(values, 0, copy.values, 0, size);
            System.arraycopy(comps, 0, copy.comps, 0, size);
            copy.size = size;
            return copy;
        }

        void append(int index, double value, double comp) {
            indexes[size] = index;
            values[size] = value;
            comps[size] = comp;
            size++;
        }

        Buckets buckets(boolean withCompensation) {
            double[] counts = new double[size];
            for (int i = 0; i < size; i++) {
                counts[i] = withCompensation ? values[i] + comps[i] : values[i];
            }
            return size == 0 ? Buckets.NONE : new Buckets(Arrays.copyOf(indexes, size), counts);
        }

        /** The buckets merged into a coarser schema, Prometheus's {@code kahanReduceResolution}. */
        Side reduced(int fromSchema, int toSchema) {
            Side out = new Side(size);
            int shift = fromSchema - toSchema;
            for (int i = 0; i < size; i++) {
                int target = ((indexes[i] - 1) >> shift) + 1;
                int last = out.size - 1;
                if (last >= 0 && out.indexes[last] == target) {
                    out.add(last, values[i]);
                    out.add(last, comps[i]);
                } else {
                    out.append(target, values[i], comps[i]);
                }
            }
            return out;
        }

        /** Kahan-adds {@code increment} to bucket position {@code i}. */
        void add(int i, double increment) {
            double t = values[i] + increment;
            comps[i] = KahanSum.compensation(values[i], increment, t, comps[i]);
            values[i] = t;
        }

        /**
         * {@code this + sign * other}, bucket by bucket, buckets only {@code other} has inserted.
         * With {@code threshold} set, {@code other}'s buckets that end inside the zero bucket are left out.
         */
        Side plus(Side other, double sign, int schema, boolean skipInZeroBucket, double threshold) {
            Side out = new Side(size + other.size);
            int i = 0;
            int j = 0;
            if (skipInZeroBucket) {
                while (j < other.size && FloatHistogram.upperBound(other.indexes[j], schema) <= threshold) {
                    j++;
                }
            }
            while (i < size || j < other.size) {
                if (j >= other.size || (i < size && indexes[i] < other.indexes[j])) {
                    out.append(indexes[i], values[i], comps[i]);
                    i++;
                } else if (i >= size || indexes[i] > other.indexes[j]) {
                    out.append(other.indexes[j], sign * other.values[j], sign * other.comps[j]);
                    j++;
                } else {
                    out.append(indexes[i], values[i], comps[i]);
                    out.add(out.size - 1, sign * other.values[j]);
                    if (other.comps[j] != 0) {
                        out.add(out.size - 1, sign * other.comps[j]);
                    }
                    i++;
                    j++;
                }
            }
            return out;
        }

        /** Without the buckets whose count and compensation are both zero. */
        void compact() {
            int n = 0;
            for (int i = 0; i < size; i++) {
                if (values[i] != 0 || comps[i] != 0) {
                    indexes[n] = indexes[i];
                    values[n] = values[i];
                    comps[n] = comps[i];
                    n++;
                }
            }
            size = n;
        }

        void scale(double factor, boolean divide) {
            for (int i = 0; i < size; i++) {
                values[i] = divide ? values[i] / factor : values[i] * factor;
                comps[i] = divide ? comps[i] / factor : comps[i] * factor;
            }
        }
    }

    HistogramSum(FloatHistogram start) {
        hint = start.counterResetHint();
        schema = start.schema();
        zeroThreshold = start.zeroThreshold();
        zeroCount = start.zeroCount();
        count = start.count();
        sum = start.sum();
        positive = Side.of(start.positive());
        negative = Side.of(start.negative());
        customValues = start.customBounds();
    }

    private HistogramSum(HistogramSum other) {
        hint = other.hint;
        schema = other.schema;
        zeroThreshold = other.zeroThreshold;
        zeroCount = other.zeroCount;
        zeroCountC = other.zeroCountC;
        count = other.count;
        countC = other.countC;
        sum = other.sum;
        sumC = other.sumC;
        positive = other.positive.copy();
        negative = other.negative.copy();
        customValues = other.customValues;
        counterResetCollision = other.counterResetCollision;
        boundsReconciled = other.boundsReconciled;
    }

    HistogramSum copy() {
        return new HistogramSum(this);
    }

    boolean usesCustomBuckets() {
        return schema == FloatHistogram.CUSTOM_BUCKETS_SCHEMA;
    }

    /** Whether some addition met a reset hint with a not-reset one. */
    boolean counterResetCollision() {
        return counterResetCollision;
    }

    /** Whether some addition cut custom bucket bounds down to those both histograms share. */
    boolean boundsReconciled() {
        return boundsReconciled;
    }

    /**
     * Adds {@code sign * other} (sign 1 or -1). Throws {@link FloatHistogram.IncompatibleSchemas}
     * when one is exponential and the other has custom buckets, before changing anything.
     * {@code resetFlags} clears the collision and reconciliation flags first, to learn about this
     * addition alone.
     */
    void add(FloatHistogram other, double sign, boolean resetFlags) {
        if (usesCustomBuckets() != other.usesCustomBuckets()) {
            throw new FloatHistogram.IncompatibleSchemas();
        }
        if (resetFlags) {
            counterResetCollision = false;
            boundsReconciled = false;
        }
        adjustCounterReset(other.counterResetHint());
        if (!usesCustomBuckets()) {
            double[] otherZero = reconcileZeroBuckets(other);
            zeroCount = inc(sign * otherZero[0], zeroCount, 0);
            zeroCount = inc(sign * otherZero[1], zeroCount, 0);
        }
        count = inc(sign * other.count(), count, 1);
        sum = inc(sign * other.sum(), sum, 2);
        Side otherPositive = Side.of(other.positive());
        if (usesCustomBuckets()) {
            if (Arrays.equals(customValues, other.customBounds())) {
                positive = positive.plus(otherPositive, sign, schema, false, 0);
            } else {
                boundsReconciled = true;
                addWithMismatchedBounds(otherPositive, other.customBounds(), sign);
            }
            return;
        }
        Side otherNegative = Side.of(other.negative());
        if (other.schema() < schema) {
            reduceTo(other.schema());
        } else if (other.schema() > schema) {
            otherPositive = otherPositive.reduced(other.schema(), schema);
            otherNegative = otherNegative.reduced(other.schema(), schema);
        }
        positive = positive.plus(otherPositive, sign, schema, true, zeroThreshold);
        negative = negative.plus(otherNegative, sign, schema, true, zeroThreshold);
    }

    /** Kahan-adds {@code increment} to the zero count (0), count (1) or sum (2), returning the new value. */
    private double inc(double increment, double value, int which) {
        double t = value + increment;
        switch (which) {
            case 0 -> zeroCountC = KahanSum.compensation(value, increment, t, zeroCountC);
            case 1 -> countC = KahanSum.compensation(value, increment, t, countC);
            default -> sumC = KahanSum.compensation(value, increment, t, sumC);
        }
        return t;
    }

    void reduceTo(int targetSchema) {
        positive = positive.reduced(schema, targetSchema);
        negative = negative.reduced(schema, targetSchema);
        schema = targetSchema;
    }

    /** Prometheus's {@code adjustCounterReset}: a gauge wins, then unknown; reset meeting not_reset is a collision. */
    private void adjustCounterReset(CounterResetHint other) {
        if (other == hint || hint == CounterResetHint.GAUGE) {
            return;
        }
        if (other == CounterResetHint.GAUGE) {
            hint = CounterResetHint.GAUGE;
        } else if (hint == CounterResetHint.UNKNOWN) {
            return;
        } else if (other == CounterResetHint.UNKNOWN) {
            hint = CounterResetHint.UNKNOWN;
        } else {
            hint = CounterResetHint.UNKNOWN;
            counterResetCollision = true;
        }
    }

    /**
     * Widens the narrower of the two zero buckets until both have the same threshold, one that
     * does not cut a populated bucket of either. This histogram changes; for {@code other} the
     * zero count (and its compensation) it would have is returned.
     */
    private double[] reconcileZeroBuckets(FloatHistogram other) {
        double otherZeroCount = other.zeroCount();
        double otherThreshold = other.zeroThreshold();
        double otherCompensation = 0;
        // Each round widens a threshold to a bucket bound, so a few rounds settle it; NaN never would.
        for (int round = 0; round < 64 && otherThreshold != zeroThreshold; round++) {
            if (Double.isNaN(otherThreshold) || Double.isNaN(zeroThreshold)) {
                break;
            }
            if (zeroThreshold > otherThreshold) {
                double[] widened = zeroCountForLargerThreshold(other.schema(), other.zeroCount(), 0, Side.of(other.positive()),
                        Side.of(other.negative()), other.zeroThreshold(), zeroThreshold);
                otherZeroCount = widened[0];
                otherThreshold = widened[1];
                otherCompensation = widened[2];
            }
            if (otherThreshold > zeroThreshold) {
                double[] widened = zeroCountForLargerThreshold(schema, zeroCount, zeroCountC, positive, negative,
                        zeroThreshold, otherThreshold);
                zeroCount = widened[0];
                zeroThreshold = widened[1];
                zeroCountC = widened[2];
                trimBucketsInZeroBucket();
            }
        }
        return new double[] {otherZeroCount, otherCompensation};
    }

    /**
     * The zero count {@code h} would have with a zero bucket of {@code larger} (at least its own)
     * threshold, and that threshold moved out to the edge of a populated bucket it would cut.
     */
    static double[] widenedZeroBucket(FloatHistogram h, double larger) {
        return zeroCountForLargerThreshold(h.schema(), h.zeroCount(), 0, Side.of(h.positive()), Side.of(h.negative()),
                h.zeroThreshold(), larger);
    }

    /**
     * The zero count a histogram would have with the larger threshold, the threshold itself moved
     * out to the edge of a populated bucket it would cut, and the count's compensation.
     */
    private static double[] zeroCountForLargerThreshold(int schema, double zeroCount, double zeroCountC, Side positive,
            Side negative, double threshold, double larger) {
        if (larger == threshold) {
            return new double[] {zeroCount, larger, zeroCountC};
        }
        while (true) {
            // {count, its compensation, threshold}: a positive bucket the threshold cuts moves it
            // out, and the negative side is read with it; a negative one moves it and starts over.
            double[] widened = {zeroCount, zeroCountC, larger};
            absorb(positive, schema, widened);
            if (!absorb(negative, schema, widened)) {
                return new double[] {widened[0], widened[2], widened[1]};
            }
            larger = widened[2];
        }
    }

    /**
     * Adds the buckets inside a zero bucket of threshold {@code state[2]} (by absolute value) to
     * the count {@code state[0]}, compensation {@code state[1]}; returns whether a populated
     * bucket the threshold cuts moved the threshold out to its far edge.
     */
    private static boolean absorb(Side side, int schema, double[] state) {
        for (int i = 0; i < side.size; i++) {
            if (FloatHistogram.upperBound(side.indexes[i] - 1, schema) >= state[2]) {
                return false;
            }
            double t = state[0] + side.values[i];
            state[1] = KahanSum.compensation(state[0], side.values[i], t, state[1]);
            double t2 = t + side.comps[i];
            state[1] = KahanSum.compensation(t, side.comps[i], t2, state[1]);
            state[0] = t2;
            double far = FloatHistogram.upperBound(side.indexes[i], schema);
            if (far > state[2]) {
                if (side.values[i] != 0) {
                    state[2] = far;
                    return true;
                }
                return false;
            }
        }
        return false;
    }

    /** Empties the buckets now inside the zero bucket (their counts are in the zero count already), then compacts. */
    private void trimBucketsInZeroBucket() {
        for (int i = 0; i < positive.size; i++) {
            if (FloatHistogram.upperBound(positive.indexes[i] - 1, schema) >= zeroThreshold) {
                break;
            }
            positive.values[i] = 0;
            positive.comps[i] = 0;
        }
        for (int i = 0; i < negative.size; i++) {
            if (-FloatHistogram.upperBound(negative.indexes[i] - 1, schema) <= -zeroThreshold) {
                break;
            }
            negative.values[i] = 0;
            negative.comps[i] = 0;
        }
        positive.compact();
        negative.compact();
    }

    /** Custom buckets with different bounds: both mapped onto the bounds they share, each bucket into the first shared bound at or above its own. */
    private void addWithMismatchedBounds(Side other, double[] otherBounds, double sign) {
        double[] shared = sharedBounds(customValues, otherBounds);
        double[] values = new double[shared.length + 1];
        double[] comps = new double[shared.length + 1];
        mapBuckets(positive, customValues, shared, 1, true, values, comps);
        mapBuckets(other, otherBounds, shared, sign, false, values, comps);
        Side out = new Side(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0 || comps[i] != 0) {
                out.append(i, values[i], comps[i]);
            }
        }
        positive = out;
        customValues = shared;
    }

    private static void mapBuckets(Side side, double[] bounds, double[] shared, double sign, boolean withCompensation,
            double[] values, double[] comps) {
        int sharedIndex = 0;
        for (int i = 0; i < side.size; i++) {
            int source = side.indexes[i];
            int target = values.length - 1;
            if (source < bounds.length) {
                while (sharedIndex < shared.length) {
                    if (shared[sharedIndex] >= bounds[source]) {
                        target = sharedIndex;
                        break;
                    }
                    sharedIndex++;
                }
            }
            double increment = sign * side.values[i];
            double t = values[target] + increment;
            comps[target] = KahanSum.compensation(values[target], increment, t, comps[target]);
            values[target] = t;
            if (withCompensation && side.comps[i] != 0) {
                double t2 = values[target] + side.comps[i];
                comps[target] = KahanSum.compensation(values[target], side.comps[i], t2, comps[target]);
                values[target] = t2;
            }
        }
    }

    /** The bounds present in both, in order. */
    static double[] sharedBounds(double[] a, double[] b) {
        double[] out = new double[Math.min(a.length, b.length)];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                out[n++] = a[i];
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Prometheus's {@code Mul} on the sum and its compensation alike. */
    void scale(double factor) {
        apply(factor, false);
    }

    /** Prometheus's {@code Div} on the sum and its compensation alike; dividing by zero drops the buckets. */
    void divide(double divisor) {
        apply(divisor, true);
    }

    private void apply(double operand, boolean divide) {
        zeroCount = divide ? zeroCount / operand : zeroCount * operand;
        zeroCountC = divide ? zeroCountC / operand : zeroCountC * operand;
        count = divide ? count / operand : count * operand;
        countC = divide ? countC / operand : countC * operand;
        sum = divide ? sum / operand : sum * operand;
        sumC = divide ? sumC / operand : sumC * operand;
        if (divide && operand == 0) {
            positive = new Side(0);
            negative = new Side(0);
            return;
        }
        positive.scale(operand, divide);
        negative.scale(operand, divide);
        if (operand < 0) {
            hint = CounterResetHint.GAUGE;
        }
    }

    /** The sum or mean of histograms, and what Prometheus reports about them. */
    record Total(FloatHistogram histogram, boolean boundsReconciled, boolean counterResetCollision) {
    }

    /**
     * The sum, or with {@code average} the mean, of histograms as the sum and avg aggregations
     * and sum_over_time and avg_over_time compute it: compensated, and for the mean directly
     * while the sum stays finite, incrementally once it would overflow. A reset hint among the
     * histograms meeting a not-reset one is a collision. Throws {@link FloatHistogram.IncompatibleSchemas}
     * naming the first histogram that does not fit the others.
     */
    static Total over(List<FloatHistogram> histograms, boolean average) {
        boolean reset = false;
        boolean notReset = false;
        boolean reconciled = false;
        HistogramSum sum = new HistogramSum(histograms.get(0));
        HistogramSum mean = null;
        for (int i = 0; i < histograms.size(); i++) {
            FloatHistogram h = histograms.get(i);
            reset |= h.counterResetHint() == CounterResetHint.RESET;
            notReset |= h.counterResetHint() == CounterResetHint.NOT_RESET;
            if (i == 0) {
                continue;
            }
            if (h.usesCustomBuckets() != sum.usesCustomBuckets()) {
                throw new FloatHistogram.IncompatibleSchemas(i);
            }
            double count = i + 1;
            if (!average) {
                sum.add(h, 1, true);
                reconciled |= sum.boundsReconciled();
                continue;
            }
            if (mean == null) {
                HistogramSum next = sum.copy();
                next.add(h, 1, true);
                reconciled |= next.boundsReconciled();
                if (!next.hasOverflow()) {
                    sum = next;
                    continue;
                }
                mean = sum;
                mean.divide(count - 1);
            }
            mean.scale((count - 1) / count);
            mean.add(h.dividedBy(count), 1, true);
            reconciled |= mean.boundsReconciled();
        }
        if (average && mean == null) {
            sum.divide(histograms.size());
        }
        return new Total((mean != null ? mean : sum).total(), reconciled, reset && notReset);
    }

    boolean hasOverflow() {
        return value().hasOverflow();
    }

    /** The running sum without its compensation: what Prometheus's plain {@code Add} and {@code Sub} give. */
    FloatHistogram value() {
        return new FloatHistogram(hint, schema, zeroThreshold, zeroCount, count, sum, positive.buckets(false),
                negative.buckets(false), customValues);
    }

    /** The sum with its compensation added, as Prometheus finishes a Kahan summation. */
    FloatHistogram total() {
        return new FloatHistogram(hint, schema, zeroThreshold, zeroCount + zeroCountC, count + countC, sum + sumC,
                positive.buckets(true), negative.buckets(true), customValues);
    }
}
