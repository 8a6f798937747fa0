package dev.alertbook.promqltest;

import dev.alertbook.golang.FloatFormat;
import dev.alertbook.promql.engine.FloatHistogram;
import dev.alertbook.promql.engine.FloatHistogram.CounterResetHint;
import dev.alertbook.promql.engine.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code load_with_nhcb} adds: every classic histogram of the block ({@code X_bucket} series
 * with {@code le}, {@code X_count}, {@code X_sum}) as a native histogram with custom buckets,
 * stored as {@code X} without {@code le} at each of its timestamps, as Prometheus's
 * {@code convertnhcb} builds it.
 */
final class ClassicConversion {

    /** One classic histogram at one time, as its series are read. */
    private static final class Parts {

        private final List<double[]> buckets = new ArrayList<>();
        private double count;
        private double sum;
        private boolean hasCount;
        private String error;

        void bucket(double bound, double cumulative) {
            if (error != null) {
                return;
            }
            if (cumulative < 0) {
                error = "bucket count must be non-negative: le=" + g(bound) + ", count=" + g(cumulative);
                return;
            }
            int i = 0;
            while (i < buckets.size() && buckets.get(i)[0] < bound) {
                i++;
            }
            if (i < buckets.size() && buckets.get(i)[0] == bound) {
                return;
            }
            if (i > 0 && cumulative < buckets.get(i - 1)[1]) {
                error = "count is not cumulative: " + g(cumulative) + " < " + g(buckets.get(i - 1)[1]);
                return;
            }
            if (i < buckets.size() && cumulative > buckets.get(i)[1]) {
                error = "count is not cumulative: " + g(cumulative) + " > " + g(buckets.get(i)[1]);
                return;
            }
            buckets.add(i, new double[] {bound, cumulative});
        }

        void count(double value) {
            if (error == null && value < 0) {
                error = "count must be non-negative: count=" + g(value);
            } else if (error == null) {
                count = value;
                hasCount = true;
            }
        }

        FloatHistogram histogram() {
            if (error != null) {
                throw new IllegalArgumentException(error);
            }
            if (!hasCount && !buckets.isEmpty()) {
                count = buckets.get(buckets.size() - 1)[1];
            }
            if (buckets.isEmpty() || buckets.get(buckets.size() - 1)[0] != Double.POSITIVE_INFINITY) {
                buckets.add(new double[] {Double.POSITIVE_INFINITY, count});
            }
            boolean integers = count == Math.rint(count);
            double[] bounds = new double[buckets.size() - 1];
            double[] counts = new double[buckets.size()];
            double previous = 0;
            for (int i = 0; i < buckets.size(); i++) {
                double[] b = buckets.get(i);
                integers &= b[1] == Math.rint(b[1]);
                counts[i] = b[1] - previous;
                previous = b[1];
                if (i < bounds.length) {
                    bounds[i] = b[0];
                }
            }
            double last = buckets.get(buckets.size() - 1)[1];
            if (count != last) {
                throw new IllegalArgumentException("count mismatch: count=" + g(count) + " != le=+Inf count=" + g(last));
            }
            FloatHistogram h = new FloatHistogram(CounterResetHint.UNKNOWN, FloatHistogram.CUSTOM_BUCKETS_SCHEMA, 0, 0,
                    count, sum, FloatHistogram.Buckets.run(0, counts), FloatHistogram.Buckets.NONE, bounds);
            // Prometheus stores integer counts as an integer histogram, which it compacts keeping short gaps.
            return h.compact(integers ? 2 : 0);
        }
    }

    private static String g(double v) {
        return FloatFormat.format(v, 'g', -1);
    }

    private final Map<Labels, TreeMap<Long, Parts>> histograms = new LinkedHashMap<>();

    /** Takes in one series of the block; {@code times} and {@code values} are its float samples. */
    void add(Labels labels, long[] times, double[] values) {
        String name = labels.metricName();
        String base;
        int kind;
        if (name.endsWith("_bucket")) {
            base = name.substring(0, name.length() - "_bucket".length());
            kind = 0;
        } else if (name.endsWith("_sum")) {
            base = name.substring(0, name.length() - "_sum".length());
            kind = 1;
        } else if (name.endsWith("_count")) {
            base = name.substring(0, name.length() - "_count".length());
            kind = 2;
        } else {
            return;
        }
        double bound = 0;
        if (kind == 0) {
            if (!labels.has("le")) {
                throw new IllegalArgumentException("expected bucket label in metric " + labels);
            }
            try {
                bound = dev.alertbook.promql.engine.LeLabel.parse(labels.get("le"));
            } catch (NumberFormatException e) {
                return;
            }
            if (Double.isNaN(bound)) {
                return;
            }
        }
        Labels key = labels.without(List.of("le")).with(Labels.METRIC_NAME, base);
        TreeMap<Long, Parts> byTime = histograms.computeIfAbsent(key, k -> new TreeMap<>());
        for (int i = 0; i < times.length; i++) {
            Parts parts = byTime.computeIfAbsent(times[i], t -> new Parts());
            switch (kind) {
                case 0 -> parts.bucket(bound, values[i]);
                case 1 -> parts.sum = values[i];
                default -> parts.count(values[i]);
            }
        }
    }

    /** Hands each converted histogram, in time order per series, to {@code sink}. */
    void forEach(HistogramSink sink) {
        histograms.forEach((labels, byTime) -> byTime.forEach((time, parts) -> sink.add(labels, time, parts.histogram())));
    }

    @FunctionalInterface
    interface HistogramSink {

        void add(Labels labels, long time, FloatHistogram histogram);
    }
}
