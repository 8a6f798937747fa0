package dev.alertbook.promql.engine;

import dev.alertbook.golang.FloatFormat;
import dev.alertbook.promql.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The functions over one series of a range vector, as Prometheus computes them over float and
 * histogram points. Each gives the output sample, or null when the series gives none (too few
 * points, or points of a kind the function ignores), and annotates what it ignored or refused.
 */
final class RangeFunctions {

    /** The functions whose output still is the metric, so it keeps its name. */
    static final Set<String> KEEP_NAME = Set.of("last_over_time", "first_over_time");

    /** The functions that may read an anchored range, and those that may read a smoothed one. */
    static final Set<String> ANCHORED_SAFE = Set.of("changes", "delta", "increase", "rate", "resets");
    static final Set<String> SMOOTHED_SAFE = Set.of("delta", "increase", "rate");

    /** The functions that read start timestamps. */
    static final Set<String> READ_STARTS = Set.of("rate", "irate", "increase", "resets");

    /** The function's scalar arguments, its window, the evaluation time, and where to point annotations. */
    record Call(String name, Window window, long time, double[] scalars, Span at, boolean anchored, boolean smoothed) {
    }

    private final Annotations annotations;

    RangeFunctions(Annotations annotations) {
        this.annotations = annotations;
    }

    static boolean isRangeFunction(String name) {
        return switch (name) {
            case "rate", "increase", "delta", "irate", "idelta", "deriv", "predict_linear", "changes", "resets",
                    "avg_over_time", "sum_over_time", "count_over_time", "min_over_time", "max_over_time",
                    "last_over_time", "first_over_time", "present_over_time", "stdvar_over_time", "stddev_over_time",
                    "quantile_over_time", "mad_over_time", "ts_of_first_over_time", "ts_of_last_over_time",
                    "ts_of_min_over_time", "ts_of_max_over_time", "double_exponential_smoothing" -> true;
            default -> false;
        };
    }

    Sample apply(Call call, RangeSeries s) {
        Rates rates = new Rates(annotations, call.at());
        return switch (call.name()) {
            case "rate" -> rate(call, s, rates, true, true);
            case "increase" -> rate(call, s, rates, true, false);
            case "delta" -> rate(call, s, rates, false, false);
            case "irate" -> rates.instant(s, true);
            case "idelta" -> rates.instant(s, false);
            case "deriv" -> regression(call, s, false);
            case "predict_linear" -> regression(call, s, true);
            case "changes" -> changes(call, s, false);
            case "resets" -> changes(call, s, true);
            case "avg_over_time" -> sumOverTime(call, s, true);
            case "sum_over_time" -> sumOverTime(call, s, false);
            case "count_over_time" -> floatOf(s, s.size() + s.histogramCount());
            case "present_over_time" -> floatOf(s, 1);
            case "min_over_time" -> compare(call, s, false, false);
            case "max_over_time" -> compare(call, s, true, false);
            case "ts_of_min_over_time" -> compare(call, s, false, true);
            case "ts_of_max_over_time" -> compare(call, s, true, true);
            case "last_over_time" -> edge(s, true);
            case "first_over_time" -> edge(s, false);
            case "ts_of_first_over_time" -> edgeTime(s, false);
            case "ts_of_last_over_time" -> edgeTime(s, true);
            case "stdvar_over_time" -> variance(call, s, false);
            case "stddev_over_time" -> variance(call, s, true);
            case "quantile_over_time" -> quantile(call, s);
            case "mad_over_time" -> medianAbsoluteDeviation(call, s);
            case "double_exponential_smoothing" -> smoothing(call, s);
            default -> throw new IllegalStateException("not a range function: " + call.name());
        };
    }

    private static Sample floatOf(RangeSeries s, double value) {
        return new Sample(s.labels(), value, true);
    }

    private Sample rate(Call call, RangeSeries s, Rates rates, boolean counter, boolean perSecond) {
        if (!call.anchored() && !call.smoothed()) {
            return rates.extrapolated(s, call.window(), counter, perSecond);
        }
        String metric = s.labels().metricName();
        if (s.histogramCount() > 0 && s.size() > 0) {
            annotations.warn(HistogramMessages.mixedFloatsHistograms(metric), call.at());
            return null;
        }
        if (s.histogramCount() > 0) {
            return ExtendedRanges.histogramRate(s, call.window(), call.smoothed(), counter, perSecond, annotations, call.at())
                    .map(h -> new Sample(s.labels(), 0, true, h)).orElse(null);
        }
        if (s.size() > 0) {
            return ExtendedRanges.floatRate(s, call.window(), call.smoothed(), counter, perSecond)
                    .map(v -> floatOf(s, v)).orElse(null);
        }
        return null;
    }

    private void ignoredHistograms(Call call, RangeSeries s) {
        if (s.histogramCount() > 0) {
            annotations.info(HistogramMessages.ignoredInMixedRange(s.labels().metricName()), call.at());
        }
    }

    /** deriv and predict_linear: a least-squares line through the float points. */
    private Sample regression(Call call, RangeSeries s, boolean predict) {
        if (s.size() < 2) {
            if (s.size() == 1) {
                ignoredHistograms(call, s);
            }
            return null;
        }
        ignoredHistograms(call, s);
        if (!predict) {
            return floatOf(s, Rates.regression(s, s.time(0))[0]);
        }
        double[] line = Rates.regression(s, call.time());
        return floatOf(s, line[0] * call.scalars()[0] + line[1]);
    }

    /**
     * changes and resets over both kinds in time order: a change of kind counts as both; for
     * histograms a change is any difference and a reset what {@code DetectReset} finds.
     */
    private Sample changes(Call call, RangeSeries s, boolean resetsOnly) {
        if (s.isEmpty()) {
            return null;
        }
        int firstFloat = 0;
        int firstHistogram = 0;
        if (call.anchored()) {
            int[] first = ExtendedRanges.firstSamples(s, call.window().start());
            if (first == null) {
                return null;
            }
            firstFloat = first[0];
            firstHistogram = first[1];
        }
        long[] floatStarts = resetsOnly ? s.floatStarts() : null;
        long[] histogramStarts = resetsOnly ? s.histogramStarts() : null;
        int count = 0;
        int f = firstFloat;
        int h = firstHistogram;
        boolean first = true;
        double previousValue = 0;
        FloatHistogram previousHistogram = null;
        long previousTime = 0;
        long previousStart = 0;
        while (f < s.size() || h < s.histogramCount()) {
            boolean histogram = f >= s.size() || h < s.histogramCount() && s.histogramTime(h) < s.time(f);
            long time = histogram ? s.histogramTime(h) : s.time(f);
            long start = histogram ? at(histogramStarts, h) : at(floatStarts, f);
            double value = histogram ? 0 : s.value(f);
            FloatHistogram current = histogram ? s.histogram(h) : null;
            if (histogram) {
                h++;
            } else {
                f++;
            }
            if (!first) {
                boolean stReset = StartTimestamps.reset(previousStart, previousTime, start, time);
                if ((previousHistogram == null) != (current == null)) {
                    count++;
                } else if (current == null) {
                    boolean changed = resetsOnly ? value < previousValue || stReset
                            : value != previousValue && !(Double.isNaN(value) && Double.isNaN(previousValue));
                    count += changed ? 1 : 0;
                } else {
                    boolean changed = resetsOnly ? stReset || CounterResets.detected(current, previousHistogram)
                            : !current.exactlyEquals(previousHistogram);
                    count += changed ? 1 : 0;
                }
            }
            first = false;
            previousValue = value;
            previousHistogram = current;
            previousTime = time;
            previousStart = start;
        }
        return floatOf(s, count);
    }

    private static long at(long[] starts, int i) {
        return starts != null && i < starts.length ? starts[i] : 0;
    }

    /** avg_over_time and sum_over_time: over floats or histograms, not a mix of the two. */
    private Sample sumOverTime(Call call, RangeSeries s, boolean average) {
        if (s.size() > 0 && s.histogramCount() > 0) {
            annotations.warn(HistogramMessages.mixedFloatsHistograms(s.labels().metricName()), call.at());
            return null;
        }
        if (s.size() == 0) {
            return histogramSumOverTime(call, s, average);
        }
        if (!average) {
            KahanSum sum = new KahanSum();
            for (int i = 0; i < s.size(); i++) {
                sum.add(s.value(i));
            }
            return floatOf(s, Double.isInfinite(sum.sum) ? sum.sum : sum.sum());
        }
        return floatOf(s, Statistics.mean(s.values()));
    }

    private Sample histogramSumOverTime(Call call, RangeSeries s, boolean average) {
        List<FloatHistogram> histograms = new ArrayList<>(s.histogramCount());
        for (int i = 0; i < s.histogramCount(); i++) {
            histograms.add(s.histogram(i));
        }
        HistogramSum.Total total;
        try {
            total = HistogramSum.over(histograms, average);
        } catch (FloatHistogram.IncompatibleSchemas e) {
            annotations.warn(HistogramMessages.mixedSchemas(s.labels().metricName()), call.at());
            return null;
        }
        if (total.counterResetCollision()) {
            annotations.warn(HistogramMessages.counterResetCollision("aggregation"), call.at());
        }
        if (total.boundsReconciled()) {
            annotations.info(HistogramMessages.reconciled("aggregation"), call.at());
        }
        return new Sample(s.labels(), 0, true, total.histogram());
    }

    /** min, max and the time of either over the float points; histograms are ignored. */
    private Sample compare(Call call, RangeSeries s, boolean max, boolean time) {
        if (s.size() == 0) {
            return null;
        }
        ignoredHistograms(call, s);
        double extreme = s.value(0);
        long at = s.time(0);
        for (int i = 0; i < s.size(); i++) {
            double v = s.value(i);
            boolean better = time ? (max ? v >= extreme : v <= extreme) : (max ? v > extreme : v < extreme);
            if (better || Double.isNaN(extreme)) {
                extreme = v;
                at = s.time(i);
            }
        }
        return floatOf(s, time ? at / 1000.0 : extreme);
    }

    /** last_over_time and first_over_time: the latest (earliest) point of either kind. */
    private static Sample edge(RangeSeries s, boolean last) {
        int f = last ? s.size() - 1 : 0;
        int h = last ? s.histogramCount() - 1 : 0;
        boolean hasFloat = s.size() > 0;
        boolean hasHistogram = s.histogramCount() > 0;
        boolean useFloat = !hasHistogram
                || hasFloat && (last ? s.histogramTime(h) < s.time(f) : s.time(f) < s.histogramTime(h));
        return useFloat ? new Sample(s.labels(), s.value(f), false) : new Sample(s.labels(), 0, false, s.histogram(h));
    }

    private static Sample edgeTime(RangeSeries s, boolean last) {
        long floatTime = s.size() > 0 ? s.time(last ? s.size() - 1 : 0) : last ? 0 : Long.MAX_VALUE;
        long histogramTime = s.histogramCount() > 0 ? s.histogramTime(last ? s.histogramCount() - 1 : 0)
                : last ? 0 : Long.MAX_VALUE;
        return floatOf(s, (last ? Math.max(floatTime, histogramTime) : Math.min(floatTime, histogramTime)) / 1000.0);
    }

    /** stdvar_over_time and stddev_over_time: Welford's algorithm with compensated sums, over floats. */
    private Sample variance(Call call, RangeSeries s, boolean deviation) {
        if (s.size() == 0) {
            return null;
        }
        ignoredHistograms(call, s);
        double count = 0;
        KahanSum mean = new KahanSum();
        KahanSum aux = new KahanSum();
        for (int i = 0; i < s.size(); i++) {
            double v = s.value(i);
            count++;
            double delta = v - mean.sum();
            mean.add(delta / count);
            aux.add(delta * (v - mean.sum()));
        }
        double variance = aux.sum() / count;
        return floatOf(s, deviation ? Math.sqrt(variance) : variance);
    }

    private Sample quantile(Call call, RangeSeries s) {
        if (s.size() == 0) {
            return null;
        }
        double q = call.scalars()[0];
        if (Double.isNaN(q) || q < 0 || q > 1) {
            annotations.warn(HistogramMessages.quantileValue(q), call.at());
        }
        ignoredHistograms(call, s);
        return floatOf(s, Statistics.quantile(q, s.values()));
    }

    /** mad_over_time: the median of the absolute deviations from the median; NaN if any point is. */
    private Sample medianAbsoluteDeviation(Call call, RangeSeries s) {
        if (s.size() == 0) {
            return null;
        }
        ignoredHistograms(call, s);
        double[] values = s.values();
        if (Arrays.stream(values).anyMatch(Double::isNaN)) {
            return floatOf(s, Double.NaN);
        }
        double median = Statistics.quantile(0.5, values);
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.abs(values[i] - median);
        }
        return floatOf(s, Statistics.quantile(0.5, values));
    }

    /** double_exponential_smoothing(v, sf, tf): Holt's linear smoothing of the float points. */
    private Sample smoothing(Call call, RangeSeries s) {
        double sf = call.scalars()[0];
        double tf = call.scalars()[1];
        if (sf <= 0 || sf >= 1) {
            throw new QueryException("invalid smoothing factor. Expected: 0 < sf < 1, got: " + FloatFormat.format(sf, 'f', 6));
        }
        if (tf <= 0 || tf >= 1) {
            throw new QueryException("invalid trend factor. Expected: 0 < tf < 1, got: " + FloatFormat.format(tf, 'f', 6));
        }
        int n = s.size();
        if (n < 2) {
            if (n == 1) {
                ignoredHistograms(call, s);
            }
            return null;
        }
        double s0 = 0;
        double s1 = s.value(0);
        double b = s.value(1) - s.value(0);
        for (int i = 1; i < n; i++) {
            double x = sf * s.value(i);
            if (i > 1) {
                b = tf * (s1 - s0) + (1 - tf) * b;
            }
            double y = (1 - sf) * (s1 + b);
            s0 = s1;
            s1 = x + y;
        }
        ignoredHistograms(call, s);
        return floatOf(s, s1);
    }
}
