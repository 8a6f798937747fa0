package dev.alertbook.promql.engine;

import dev.alertbook.promql.VectorSelector;
import dev.alertbook.promql.engine.FloatHistogram.CounterResetHint;
import java.util.ArrayList;
import java.util.List;

/**
 * An instant selector with the experimental {@code smoothed} modifier: the value at the step is
 * interpolated between the samples around it (a lookback on either side), or the last one
 * carried forward when no later sample exists yet.
 */
final class SmoothedSelection {

    private final Evaluator evaluator;

    SmoothedSelection(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    Value.Vector select(VectorSelector selector, long at) {
        long lookback = evaluator.options.lookbackMillis();
        List<Sample> out = new ArrayList<>();
        for (StoredSeries s : evaluator.store.select(selector.matchers())) {
            int from = s.after(at - lookback);
            int to = s.after(at + lookback);
            List<Integer> floats = new ArrayList<>();
            List<Integer> histograms = new ArrayList<>();
            for (int i = from; i < to; i++) {
                if (!s.isStale(i)) {
                    (s.histogram(i) == null ? floats : histograms).add(i);
                }
            }
            if (!floats.isEmpty() && !histograms.isEmpty()) {
                evaluator.annotations.warn(HistogramMessages.mixedFloatsHistograms(s.labels().metricName()), selector.span());
                continue;
            }
            Sample sample = histograms.isEmpty() ? floatAt(s, floats, at) : histogramAt(s, histograms, at, selector);
            if (sample != null) {
                out.add(sample);
            }
        }
        evaluator.limits.load(out.size());
        return new Value.Vector(out);
    }

    /** The position of the first of {@code points} at or after {@code at}, or their count. */
    private static int firstAtOrAfter(StoredSeries s, List<Integer> points, long at) {
        int i = 0;
        while (i < points.size() && s.time(points.get(i)) < at) {
            i++;
        }
        return i;
    }

    private static Sample floatAt(StoredSeries s, List<Integer> points, long at) {
        int i = firstAtOrAfter(s, points, at);
        if (i < points.size() && s.time(points.get(i)) == at) {
            return new Sample(s.labels(), s.value(points.get(i)), false);
        }
        if (i > 0 && i < points.size()) {
            int prev = points.get(i - 1);
            int next = points.get(i);
            return new Sample(s.labels(), ExtendedRanges.interpolate(s.time(prev), s.value(prev), s.time(next), s.value(next),
                    at, false), false);
        }
        if (i > 0) {
            return new Sample(s.labels(), s.value(points.get(i - 1)), false);
        }
        return null;
    }

    private Sample histogramAt(StoredSeries s, List<Integer> points, long at, VectorSelector selector) {
        int i = firstAtOrAfter(s, points, at);
        if (i < points.size() && s.time(points.get(i)) == at) {
            return new Sample(s.labels(), 0, false, s.histogram(points.get(i)));
        }
        if (i > 0 && i < points.size()) {
            FloatHistogram prev = s.histogram(points.get(i - 1));
            FloatHistogram next = s.histogram(points.get(i));
            String metric = s.labels().metricName();
            if (prev.usesCustomBuckets() != next.usesCustomBuckets()) {
                evaluator.annotations.warn(HistogramMessages.mixedSchemas(metric), selector.span());
                return null;
            }
            boolean counter = prev.counterResetHint() != CounterResetHint.GAUGE || next.counterResetHint() != CounterResetHint.GAUGE;
            try {
                return new Sample(s.labels(), 0, false, ExtendedRanges.interpolate(prev, s.time(points.get(i - 1)), next,
                        s.time(points.get(i)), at, counter, evaluator.annotations, selector.span()));
            } catch (FloatHistogram.IncompatibleSchemas e) {
                evaluator.annotations.warn(HistogramMessages.mixedSchemas(metric), selector.span());
                return null;
            }
        }
        if (i > 0) {
            // The hint describes how a sample follows the one before; carried forward, it follows nothing.
            return new Sample(s.labels(), 0, false, s.histogram(points.get(i - 1)).withCounterResetHint(CounterResetHint.UNKNOWN));
        }
        return null;
    }
}
