package dev.alertbook.promql.engine;

import dev.alertbook.promql.engine.FloatHistogram.Buckets;
import dev.alertbook.promql.engine.FloatHistogram.CounterResetHint;
import java.util.Arrays;

/**
 * When one histogram of a counter series follows another after a reset: Prometheus's
 * {@code DetectReset}, which the engine uses, and the test of its storage for whether a
 * histogram may continue the previous one's chunk, which decides the hints it reads back.
 */
final class CounterResets {

    private CounterResets() {
    }

    /**
     * Whether {@code current} follows {@code previous} after a counter reset: a stated hint
     * decides; otherwise any count, the zero bucket's or a bucket's (in the coarser schema) that
     * went down, a finer schema, a narrower zero bucket, or a populated bucket that disappeared.
     */
    static boolean detected(FloatHistogram current, FloatHistogram previous) {
        if (current.counterResetHint() == CounterResetHint.RESET) {
            return true;
        }
        if (current.counterResetHint() == CounterResetHint.NOT_RESET) {
            return false;
        }
        if (current.count() < previous.count()) {
            return true;
        }
        if (current.usesCustomBuckets()) {
            if (!previous.usesCustomBuckets()) {
                return true;
            }
            if (!Arrays.equals(current.customBounds(), previous.customBounds())) {
                return lostCountsAcrossBounds(current, previous);
            }
        }
        if (current.schema() > previous.schema() || current.zeroThreshold() < previous.zeroThreshold()) {
            return true;
        }
        double[] widened = HistogramSum.widenedZeroBucket(previous, current.zeroThreshold());
        if (widened[1] != current.zeroThreshold() || current.zeroCount() < widened[0]) {
            return true;
        }
        int schema = current.schema();
        return lostCounts(merged(current.positive(), current.schema(), schema, current.zeroThreshold()),
                merged(previous.positive(), previous.schema(), schema, current.zeroThreshold()))
                || lostCounts(merged(current.negative(), current.schema(), schema, current.zeroThreshold()),
                        merged(previous.negative(), previous.schema(), schema, current.zeroThreshold()));
    }

    /**
     * The buckets in {@code toSchema}, leaving out the first ones that end inside a zero bucket of
     * {@code threshold}, as Prometheus's bucket iterator gives them for reset detection.
     */
    private static Buckets merged(Buckets side, int fromSchema, int toSchema, double threshold) {
        int[] indexes = new int[side.size()];
        double[] counts = new double[side.size()];
        int n = 0;
        boolean exponential = FloatHistogram.isExponentialSchema(toSchema);
        boolean pastThreshold = threshold == 0;
        for (int i = 0; i < side.size(); i++) {
            int target = fromSchema == toSchema ? side.index(i) : ((side.index(i) - 1) >> (fromSchema - toSchema)) + 1;
            if (n > 0 && indexes[n - 1] == target) {
                counts[n - 1] += side.count(i);
                continue;
            }
            if (!pastThreshold && exponential && FloatHistogram.upperBound(target, toSchema) <= threshold) {
                continue;
            }
            pastThreshold = true;
            indexes[n] = target;
            counts[n++] = side.count(i);
        }
        return new Buckets(Arrays.copyOf(indexes, n), Arrays.copyOf(counts, n));
    }

    /** Whether a bucket of {@code previous} holds more than the same bucket of {@code current}, or is missing there while populated. */
    private static boolean lostCounts(Buckets current, Buckets previous) {
        int j = 0;
        for (int i = 0; i < previous.size(); i++) {
            while (j < current.size() && current.index(j) < previous.index(i)) {
                j++;
            }
            boolean present = j < current.size() && current.index(j) == previous.index(i);
            if (present ? current.count(j) < previous.count(i) : previous.count(i) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Custom buckets with different bounds: at each bound both share, the counts up to it since the
     * last shared bound must not have gone down.
     */
    private static boolean lostCountsAcrossBounds(FloatHistogram current, FloatHistogram previous) {
        double[] shared = HistogramSum.sharedBounds(current.customBounds(), previous.customBounds());
        int i = 0;
        int j = 0;
        for (int k = 0; k <= shared.length; k++) {
            double bound = k < shared.length ? shared[k] : Double.POSITIVE_INFINITY;
            double currentSum = 0;
            while (i < current.positive().size() && current.bound(current.positive().index(i)) <= bound) {
                currentSum += current.positive().count(i++);
            }
            double previousSum = 0;
            while (j < previous.positive().size() && previous.bound(previous.positive().index(j)) <= bound) {
                previousSum += previous.positive().count(j++);
            }
            if (currentSum < previousSum) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code current}, stored right after {@code previous} in the same series, continues
     * previous's chunk as a counter histogram: the test of tsdb/chunkenc's {@code appendable}. A
     * gauge, an explicit reset, a new schema or zero bucket width, other custom bounds, or any
     * count that went down starts a new chunk instead.
     */
    static boolean continuesChunk(FloatHistogram current, FloatHistogram previous) {
        if (current.counterResetHint() == CounterResetHint.GAUGE || previous.counterResetHint() == CounterResetHint.GAUGE
                || current.counterResetHint() == CounterResetHint.RESET || current.count() < previous.count()
                || current.schema() != previous.schema() || current.zeroThreshold() != previous.zeroThreshold()) {
            return false;
        }
        if (current.usesCustomBuckets() && !Arrays.equals(current.customBounds(), previous.customBounds())) {
            return false;
        }
        return current.zeroCount() >= previous.zeroCount() && !lostCounts(current.positive(), previous.positive())
                && !lostCounts(current.negative(), previous.negative());
    }
}
