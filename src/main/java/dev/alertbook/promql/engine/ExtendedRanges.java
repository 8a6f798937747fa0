package dev.alertbook.promql.engine;

import dev.alertbook.promql.Span;
import dev.alertbook.promql.engine.FloatHistogram.CounterResetHint;
import java.util.Optional;

/**
 * The experimental {@code anchored} and {@code smoothed} range selectors: an anchored window also
 * holds the last sample before it, and a smoothed one the samples a lookback on either side,
 * from which the values at the window's edges are taken (anchored) or interpolated (smoothed).
 */
final class ExtendedRanges {

    private ExtendedRanges() {
    }

    /** The index of the first point after {@code time} among the first {@code n} of {@code times}, or {@code n}. */
    private static int searchAfter(long[] times, int n, long time, boolean orEqual) {
        int low = 0;
        int high = n;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (orEqual ? times[mid] >= time : times[mid] > time) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** Linear interpolation at {@code t}; a counter that went down restarts from zero. */
    static double interpolate(long t1, double y1, long t2, double y2, long t, boolean counter) {
        double from = counter && y2 < y1 ? 0 : y1;
        return from + (y2 - from) * (t - t1) / (t2 - t1);
    }

    /** The float points with their first and last replaced by the values at the window's edges. */
    static RangeSeries extendFloats(RangeSeries s, long start, long end, boolean smoothed) {
        long[] times = times(s);
        int last = s.size() - 1;
        int first = Math.max(0, searchAfter(times, last, start, false) - 1);
        if (smoothed) {
            last = searchAfter(times, last, end, true);
        }
        RangeSeries out = new RangeSeries(s.labels(), s.dropName(), s.size() + 2);
        if (s.time(last) <= start) {
            return out;
        }
        double left = left(s, first, start, smoothed, false);
        double right = right(s, last, end, smoothed, false);
        if (s.time(first) <= start) {
            first++;
        }
        if (s.time(last) >= end) {
            last--;
        }
        out.add(start, left);
        for (int i = first; i <= last; i++) {
            out.add(s.time(i), s.value(i));
        }
        out.add(end, right);
        return out;
    }

    private static long[] times(RangeSeries s) {
        long[] times = new long[s.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = s.time(i);
        }
        return times;
    }

    private static long[] histogramTimes(RangeSeries s) {
        long[] times = new long[s.histogramCount()];
        for (int i = 0; i < times.length; i++) {
            times[i] = s.histogramTime(i);
        }
        return times;
    }

    private static double left(RangeSeries s, int first, long start, boolean smoothed, boolean counter) {
        if (smoothed && s.time(first) < start) {
            return interpolate(s.time(first), s.value(first), s.time(first + 1), s.value(first + 1), start, counter);
        }
        return s.value(first);
    }

    private static double right(RangeSeries s, int last, long end, boolean smoothed, boolean counter) {
        if (smoothed && last > 0 && s.time(last) > end) {
            return interpolate(s.time(last - 1), s.value(last - 1), s.time(last), s.value(last), end, counter);
        }
        return s.value(last);
    }

    /**
     * rate, increase and delta over an anchored or smoothed window of floats: the difference
     * between the values at the window's edges, corrected for counter resets inside it.
     */
    static Optional<Double> floatRate(RangeSeries s, Window w, boolean smoothed, boolean counter, boolean perSecond) {
        long[] times = times(s);
        int last = s.size() - 1;
        int first = Math.max(0, searchAfter(times, last, w.start(), false) - 1);
        if (smoothed) {
            last = searchAfter(times, last, w.end(), true);
        }
        if (s.time(last) <= w.start() || smoothed && s.time(first) > w.end()) {
            return Optional.empty();
        }
        double left = left(s, first, w.start(), smoothed, counter);
        double right = right(s, last, w.end(), smoothed, counter);
        double result = right - left;
        if (counter) {
            if (s.time(first) <= w.start()) {
                first++;
            }
            if (s.time(last) >= w.end()) {
                last--;
            }
            double previous = left;
            for (int i = first; i <= last; i++) {
                if (s.value(i) < previous) {
                    result += previous;
                }
                previous = s.value(i);
            }
            if (right < previous) {
                result += previous;
            }
        }
        return Optional.of(perSecond ? result / w.rangeSeconds() : result);
    }

    /** The histogram at {@code t} between two samples; across a counter reset, the later one scaled down. */
    static FloatHistogram interpolate(FloatHistogram h1, long t1, FloatHistogram h2, long t2, long t, boolean counter,
            Annotations annotations, Span at) {
        if (t == t1) {
            return h1;
        }
        if (t == t2) {
            return h2;
        }
        double fraction = (double) (t - t1) / (t2 - t1);
        if (counter && CounterResets.detected(h2, h1)) {
            return h2.times(fraction);
        }
        FloatHistogram.Combined difference = h2.minus(h1);
        if (difference.boundsReconciled()) {
            annotations.info(HistogramMessages.reconciled("subtraction"), at);
        }
        FloatHistogram.Combined result = difference.histogram().times(fraction).plus(h1);
        if (result.boundsReconciled()) {
            annotations.info(HistogramMessages.reconciled("addition"), at);
        }
        return result.histogram();
    }

    /** The anchored or smoothed rate over histograms; empty when there is none, with the reason annotated. */
    static Optional<FloatHistogram> histogramRate(RangeSeries s, Window w, boolean smoothed, boolean counter, boolean perSecond,
            Annotations annotations, Span at) {
        String metric = s.labels().metricName();
        long[] times = histogramTimes(s);
        int last = s.histogramCount() - 1;
        int first = Math.max(0, searchAfter(times, last, w.start(), false) - 1);
        if (smoothed) {
            last = searchAfter(times, last, w.end(), true);
        }
        if (times[last] <= w.start() || smoothed && times[first] > w.end()) {
            return Optional.empty();
        }
        boolean custom = s.histogram(first).usesCustomBuckets();
        for (int i = first; i <= last; i++) {
            if (s.histogram(i).usesCustomBuckets() != custom) {
                annotations.warn(HistogramMessages.mixedSchemas(metric), at);
                return Optional.empty();
            }
            if (counter && s.histogram(i).counterResetHint() == CounterResetHint.GAUGE) {
                annotations.warn(HistogramMessages.notCounter(metric), at);
            }
        }
        try {
            FloatHistogram left = smoothed && times[first] < w.start()
                    ? interpolate(s.histogram(first), times[first], s.histogram(first + 1), times[first + 1], w.start(), counter,
                            annotations, at)
                    : s.histogram(first);
            FloatHistogram right = smoothed && last > 0 && times[last] > w.end()
                    ? interpolate(s.histogram(last - 1), times[last - 1], s.histogram(last), times[last], w.end(), counter,
                            annotations, at)
                    : s.histogram(last);
            if (!counter && (left.counterResetHint() != CounterResetHint.GAUGE
                    || right.counterResetHint() != CounterResetHint.GAUGE)) {
                annotations.warn(HistogramMessages.notGauge(metric), at);
            }
            FloatHistogram result = withInfo(right.minus(left), "subtraction", annotations, at);
            if (counter) {
                FloatHistogram correction = resetCorrection(s, first, last, left, right, w.start(), smoothed, annotations, at);
                if (correction != null) {
                    result = withInfo(result.plus(correction), "addition", annotations, at);
                }
            }
            if (perSecond) {
                result = result.dividedBy(w.rangeSeconds());
            }
            return Optional.of(result.withCounterResetHint(CounterResetHint.GAUGE).compact());
        } catch (FloatHistogram.IncompatibleSchemas e) {
            annotations.warn(HistogramMessages.mixedSchemas(metric), at);
            return Optional.empty();
        }
    }

    private static FloatHistogram withInfo(FloatHistogram.Combined combined, String operation, Annotations annotations, Span at) {
        if (combined.boundsReconciled()) {
            annotations.info(HistogramMessages.reconciled(operation), at);
        }
        return combined.histogram();
    }

    /**
     * The sum of the histograms before each counter reset between the edges: the samples at the
     * edges are represented by {@code left} and {@code right}; a reset the left interpolation
     * already spanned is not counted twice.
     */
    private static FloatHistogram resetCorrection(RangeSeries s, int firstIndex, int lastIndex, FloatHistogram left,
            FloatHistogram right, long start, boolean smoothed, Annotations annotations, Span at) {
        int first = firstIndex + 1;
        FloatHistogram previous = left;
        if (smoothed && s.histogramTime(firstIndex) < start
                && CounterResets.detected(s.histogram(firstIndex + 1), s.histogram(firstIndex))) {
            previous = s.histogram(firstIndex + 1);
            first++;
        }
        int last = lastIndex - 1;
        if (first > last + 1) {
            return null;
        }
        FloatHistogram correction = null;
        for (int i = first; i <= last; i++) {
            FloatHistogram h = s.histogram(i);
            if (CounterResets.detected(h, previous)) {
                correction = correction == null ? previous : withInfo(correction.plus(previous), "addition", annotations, at);
            }
            previous = h;
        }
        if (CounterResets.detected(right, previous)) {
            correction = correction == null ? previous : withInfo(correction.plus(previous), "addition", annotations, at);
        }
        return correction;
    }

    /**
     * Where {@code resets} and {@code changes} start over an anchored window: at the last sample
     * (of either kind) at or before the window's start, the samples before it left out. Null when
     * no sample lies after the start.
     */
    static int[] firstSamples(RangeSeries s, long start) {
        int lastFloat = searchAfter(times(s), s.size(), start, false) - 1;
        int lastHistogram = searchAfter(histogramTimes(s), s.histogramCount(), start, false) - 1;
        if (lastFloat + 1 >= s.size() && lastHistogram + 1 >= s.histogramCount()) {
            return null;
        }
        if (lastFloat < 0 && lastHistogram < 0) {
            return new int[] {0, 0};
        }
        if (lastHistogram < 0 || (lastFloat >= 0 && s.time(lastFloat) >= s.histogramTime(lastHistogram))) {
            return new int[] {lastFloat, lastHistogram + 1};
        }
        return new int[] {lastFloat + 1, lastHistogram};
    }
}
