package dev.alertbook.promql.engine;

import dev.alertbook.promql.Span;
import dev.alertbook.promql.engine.FloatHistogram.CounterResetHint;

/**
 * rate, increase and delta with Prometheus's extrapolation, over floats or histograms, with start
 * timestamps where the samples have them; their instant forms irate and idelta; and linear
 * regression.
 */
final class Rates {

    private final Annotations annotations;
    private final Span at;

    Rates(Annotations annotations, Span at) {
        this.annotations = annotations;
        this.at = at;
    }

    /**
     * Extrapolates the change over the sampled interval to the whole window, but by at most half
     * an average sample interval past the first and last point (a series may have started or
     * ended inside the window), and for counters never below zero. A start timestamp inside the
     * window marks where the counter started from zero. Null when there is no result.
     */
    Sample extrapolated(RangeSeries s, Window w, boolean counter, boolean perSecond) {
        if (s.histogramCount() > 0 && s.size() > 0) {
            annotations.warn(HistogramMessages.mixedFloatsHistograms(s.labels().metricName()), at);
            return null;
        }
        double resultFloat = 0;
        FloatHistogram resultHistogram = null;
        long firstT;
        long lastT;
        int intervals;
        long[] starts;
        if (s.histogramCount() > 0) {
            intervals = s.histogramCount() - 1;
            firstT = s.histogramTime(0);
            lastT = s.histogramTime(intervals);
            starts = s.histogramStarts();
            if (s.histogramCount() > 1) {
                resultHistogram = histogramRate(s, starts, counter);
                if (resultHistogram == null) {
                    return null;
                }
            }
        } else if (s.size() > 0) {
            intervals = s.size() - 1;
            firstT = s.time(0);
            lastT = s.time(intervals);
            starts = s.floatStarts();
            resultFloat = s.value(intervals) - s.value(0);
            if (counter) {
                resultFloat += floatResets(s, starts);
            }
        } else {
            return null;
        }
        starts = starts == null ? new long[0] : starts;
        double toStart = (firstT - w.start()) / 1000.0;
        double toEnd = (w.end() - lastT) / 1000.0;
        double sampled = (lastT - firstT) / 1000.0;
        double average = intervals > 0 ? sampled / intervals : 0;
        double threshold = average * 1.1;
        if (counter && starts.length > 0 && starts[0] != 0 && starts[0] > w.start() && starts[0] < firstT) {
            // The counter started inside the window: count from zero at its start instead of extrapolating.
            toStart = 0;
            sampled = (lastT - starts[0]) / 1000.0;
            if (s.size() > 0) {
                resultFloat += s.value(0);
            } else if (resultHistogram == null) {
                resultHistogram = s.histogram(0);
            } else {
                resultHistogram = plus(resultHistogram, s.histogram(0), s.labels().metricName());
                if (resultHistogram == null) {
                    return null;
                }
            }
        } else if (intervals == 0) {
            return null;
        } else {
            if (toStart >= threshold) {
                toStart = average / 2;
            }
            if (counter) {
                double toZero = toStart;
                if (resultFloat > 0 && s.size() > 0 && s.value(0) >= 0) {
                    toZero = sampled * (s.value(0) / resultFloat);
                } else if (resultHistogram != null && resultHistogram.count() > 0 && s.histogramCount() > 0
                        && s.histogram(0).count() >= 0) {
                    toZero = sampled * (s.histogram(0).count() / resultHistogram.count());
                }
                toStart = Math.min(toStart, toZero);
            }
        }
        if (toEnd >= threshold) {
            toEnd = average / 2;
        }
        double factor = sampled != 0 ? (sampled + toStart + toEnd) / sampled : 1;
        if (perSecond) {
            factor /= w.rangeSeconds();
        }
        return resultHistogram == null ? new Sample(s.labels(), resultFloat * factor, true)
                : new Sample(s.labels(), 0, true, resultHistogram.times(factor));
    }

    /** What the counter resets inside the window add: the value before each reset, a drop or a new start timestamp. */
    private double floatResets(RangeSeries s, long[] starts) {
        int stCount = starts == null ? 0 : starts.length;
        double correction = 0;
        boolean overlapWarned = false;
        for (int i = 0; i + 1 < s.size(); i++) {
            boolean withStarts = i + 1 < stCount;
            if (!overlapWarned && withStarts && StartTimestamps.overlap(starts[i], s.time(i), starts[i + 1])) {
                annotations.startTimeOverlap(s.labels().metricName(), at);
                overlapWarned = true;
            }
            if (s.value(i + 1) < s.value(i)
                    || withStarts && StartTimestamps.reset(starts[i], s.time(i), starts[i + 1], s.time(i + 1))) {
                correction += s.value(i);
            }
        }
        return correction;
    }

    private FloatHistogram plus(FloatHistogram a, FloatHistogram b, String metric) {
        try {
            FloatHistogram.Combined sum = a.plus(b);
            if (sum.boundsReconciled()) {
                annotations.info(HistogramMessages.reconciled("addition"), at);
            }
            return sum.histogram();
        } catch (FloatHistogram.IncompatibleSchemas e) {
            annotations.warn(HistogramMessages.mixedSchemas(metric), at);
            return null;
        }
    }

    /**
     * The increase between the first and last histogram in the coarsest schema among them, plus
     * the histogram before each counter reset; a gauge result. Null, with the reason annotated,
     * when the histograms cannot be combined.
     */
    private FloatHistogram histogramRate(RangeSeries s, long[] starts, boolean counter) {
        String metric = s.labels().metricName();
        int n = s.histogramCount();
        int stCount = starts == null ? 0 : starts.length;
        FloatHistogram previous = s.histogram(0);
        FloatHistogram last = s.histogram(n - 1);
        boolean custom = previous.usesCustomBuckets();
        if (counter && (previous.counterResetHint() == CounterResetHint.GAUGE || last.counterResetHint() == CounterResetHint.GAUGE)) {
            annotations.warn(HistogramMessages.notCounter(metric), at);
        }
        if (counter) {
            FloatHistogram second = s.histogram(1);
            if (stCount > 1 && StartTimestamps.reset(starts[0], s.histogramTime(0), starts[1], s.histogramTime(1))
                    || CounterResets.detected(second, previous)) {
                // A reset right after the first sample: only its layout matters, so start from an empty one.
                previous = new FloatHistogram(CounterResetHint.UNKNOWN, second.schema(), 0, 0, 0, 0,
                        FloatHistogram.Buckets.NONE, FloatHistogram.Buckets.NONE, second.customBounds());
                custom = second.usesCustomBuckets();
            }
        }
        if (last.usesCustomBuckets() != custom) {
            annotations.warn(HistogramMessages.mixedSchemas(metric), at);
            return null;
        }
        int minSchema = Math.min(last.schema(), previous.schema());
        for (int i = 1; i < n - 1; i++) {
            FloatHistogram current = s.histogram(i);
            if (!counter) {
                continue;
            }
            if (current.counterResetHint() == CounterResetHint.GAUGE) {
                annotations.warn(HistogramMessages.notCounter(metric), at);
            }
            minSchema = Math.min(minSchema, current.schema());
            if (current.usesCustomBuckets() != custom) {
                annotations.warn(HistogramMessages.mixedSchemas(metric), at);
                return null;
            }
        }
        FloatHistogram result;
        try {
            FloatHistogram.Combined difference = last.reducedTo(minSchema).minus(previous);
            if (difference.boundsReconciled()) {
                annotations.info(HistogramMessages.reconciled("subtraction"), at);
            }
            result = difference.histogram();
            if (counter) {
                boolean overlapWarned = false;
                for (int i = 1; i < n; i++) {
                    FloatHistogram current = s.histogram(i);
                    boolean withStarts = i < stCount;
                    if (!overlapWarned && withStarts && StartTimestamps.overlap(starts[i - 1], s.histogramTime(i - 1), starts[i])) {
                        annotations.startTimeOverlap(metric, at);
                        overlapWarned = true;
                    }
                    if (withStarts && StartTimestamps.reset(starts[i - 1], s.histogramTime(i - 1), starts[i], s.histogramTime(i))
                            || CounterResets.detected(current, previous)) {
                        FloatHistogram.Combined corrected = result.plus(previous);
                        if (corrected.boundsReconciled()) {
                            annotations.info(HistogramMessages.reconciled("addition"), at);
                        }
                        result = corrected.histogram();
                    }
                    previous = current;
                }
            } else if (s.histogram(0).counterResetHint() != CounterResetHint.GAUGE
                    || s.histogram(n - 1).counterResetHint() != CounterResetHint.GAUGE) {
                annotations.warn(HistogramMessages.notGauge(metric), at);
            }
        } catch (FloatHistogram.IncompatibleSchemas e) {
            annotations.warn(HistogramMessages.mixedSchemas(metric), at);
            return null;
        }
        return result.withCounterResetHint(CounterResetHint.GAUGE).compact();
    }

    /** irate and idelta: the last two points only, of either kind. Null when there is no result. */
    Sample instant(RangeSeries s, boolean perSecond) {
        if (s.size() + s.histogramCount() < 2) {
            return null;
        }
        // The last two samples in time, whichever kind: [time, index, is histogram] each.
        long[][] last = new long[2][];
        int found = 0;
        int f = s.size() - 1;
        int h = s.histogramCount() - 1;
        while (found < 2) {
            boolean takeHistogram = h >= 0 && (f < 0 || s.histogramTime(h) >= s.time(f));
            last[1 - found] = takeHistogram ? new long[] {s.histogramTime(h), h--, 1} : new long[] {s.time(f), f--, 0};
            found++;
        }
        long interval = last[1][0] - last[0][0];
        if (interval == 0) {
            return null;
        }
        long[] floatStarts = s.floatStarts();
        long[] histogramStarts = s.histogramStarts();
        long start0 = startOf(last[0], floatStarts, histogramStarts);
        long start1 = startOf(last[1], floatStarts, histogramStarts);
        boolean stReset = StartTimestamps.reset(start0, last[0][0], start1, last[1][0]);
        String metric = s.labels().metricName();
        if (last[0][2] == 0 && last[1][2] == 0) {
            double previous = s.value((int) last[0][1]);
            double current = s.value((int) last[1][1]);
            double result = current;
            if (!perSecond || !(current < previous || stReset)) {
                result = current - previous;
            }
            return new Sample(s.labels(), perSecond ? result / (interval / 1000.0) : result, true);
        }
        if (last[0][2] == 1 && last[1][2] == 1) {
            FloatHistogram previous = s.histogram((int) last[0][1]);
            FloatHistogram current = s.histogram((int) last[1][1]);
            if (perSecond && (current.counterResetHint() == CounterResetHint.GAUGE
                    || previous.counterResetHint() == CounterResetHint.GAUGE)) {
                annotations.warn(HistogramMessages.notCounter(metric), at);
            }
            if (!perSecond && (current.counterResetHint() != CounterResetHint.GAUGE
                    || previous.counterResetHint() != CounterResetHint.GAUGE)) {
                annotations.warn(HistogramMessages.notGauge(metric), at);
            }
            FloatHistogram result = current;
            if (!perSecond || !stReset && !CounterResets.detected(current, previous)) {
                try {
                    FloatHistogram.Combined difference = current.minus(previous);
                    if (difference.boundsReconciled()) {
                        annotations.info(HistogramMessages.reconciled("subtraction"), at);
                    }
                    result = difference.histogram();
                } catch (FloatHistogram.IncompatibleSchemas e) {
                    annotations.warn(HistogramMessages.mixedSchemas(metric), at);
                    return null;
                }
            }
            result = result.withCounterResetHint(CounterResetHint.GAUGE).compact();
            return new Sample(s.labels(), 0, true, perSecond ? result.dividedBy(interval / 1000.0) : result);
        }
        annotations.warn(HistogramMessages.mixedFloatsHistograms(metric), at);
        return null;
    }

    private static long startOf(long[] point, long[] floatStarts, long[] histogramStarts) {
        long[] starts = point[2] == 1 ? histogramStarts : floatStarts;
        int i = (int) point[1];
        return starts != null && i < starts.length ? starts[i] : 0;
    }

    /** Least-squares slope and intercept at {@code interceptTime}, with compensated sums. */
    static double[] regression(RangeSeries s, long interceptTime) {
        KahanSum sumX = new KahanSum();
        KahanSum sumY = new KahanSum();
        KahanSum sumXY = new KahanSum();
        KahanSum sumX2 = new KahanSum();
        double initY = s.value(0);
        boolean constY = true;
        double n = s.size();
        for (int i = 0; i < s.size(); i++) {
            double y = s.value(i);
            constY &= y == initY;
            double x = (s.time(i) - interceptTime) / 1000.0;
            sumX.add(x);
            sumY.add(y);
            sumXY.add(x * y);
            sumX2.add(x * x);
        }
        if (constY) {
            return Double.isInfinite(initY) ? new double[] {Double.NaN, Double.NaN} : new double[] {0, initY};
        }
        double covXY = sumXY.sum() - sumX.sum() * sumY.sum() / n;
        double varX = sumX2.sum() - sumX.sum() * sumX.sum() / n;
        double slope = covXY / varX;
        return new double[] {slope, sumY.sum() / n - slope * sumX.sum() / n};
    }
}
