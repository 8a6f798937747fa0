package dev.alertbook.promql.engine;

import java.util.Arrays;

/**
 * One series of a range vector: its float points and its histogram points, each in time order,
 * as Prometheus keeps them apart. Start timestamps are kept beside the points only for the
 * functions that read them.
 */
public final class RangeSeries extends Points {

    private final Labels labels;
    private final boolean dropName;
    private static final long[] NO_TIMES = new long[0];
    private static final FloatHistogram[] NO_HISTOGRAMS = new FloatHistogram[0];

    private long[] histogramTimes = NO_TIMES;
    private FloatHistogram[] histograms = NO_HISTOGRAMS;
    private int histogramCount;
    private long[] floatStarts;
    private long[] histogramStarts;

    public RangeSeries(Labels labels, boolean dropName, int capacity) {
        super(capacity);
        this.labels = labels;
        this.dropName = dropName;
    }

    public Labels labels() {
        return labels;
    }

    boolean dropName() {
        return dropName;
    }

    /** The float values, in time order. */
    public double[] values() {
        return Arrays.copyOf(values, size);
    }

    public int histogramCount() {
        return histogramCount;
    }

    public long histogramTime(int i) {
        return histogramTimes[i];
    }

    public FloatHistogram histogram(int i) {
        return histograms[i];
    }

    /** Whether the series has no point of either kind. */
    public boolean isEmpty() {
        return size == 0 && histogramCount == 0;
    }

    void add(long time, double value) {
        append(time, value);
    }

    void addHistogram(long time, FloatHistogram histogram) {
        if (histogramCount == histograms.length) {
            int capacity = Math.max(4, histogramCount * 2);
            histogramTimes = Arrays.copyOf(histogramTimes, capacity);
            histograms = Arrays.copyOf(histograms, capacity);
        }
        histogramTimes[histogramCount] = time;
        histograms[histogramCount++] = histogram;
    }

    /** Adds a sample of either kind. */
    void add(long time, Sample sample) {
        if (sample.isHistogram()) {
            addHistogram(time, sample.histogram());
        } else {
            add(time, sample.value());
        }
    }

    /** Keeps the start timestamps of the points, parallel to floats and histograms; 0 is none. */
    void setStarts(long[] floats, long[] histogramPoints) {
        floatStarts = floats;
        histogramStarts = histogramPoints;
    }

    /** The start timestamps of the float points, or null when they were not kept. */
    long[] floatStarts() {
        return floatStarts;
    }

    long[] histogramStarts() {
        return histogramStarts;
    }

    /** The same points, histograms stated as reset or not reset made unknown. */
    RangeSeries withoutCounterResetHints() {
        RangeSeries out = relabelled(labels, dropName);
        for (int i = 0; i < out.histogramCount; i++) {
            FloatHistogram.CounterResetHint hint = out.histograms[i].counterResetHint();
            if (hint == FloatHistogram.CounterResetHint.RESET || hint == FloatHistogram.CounterResetHint.NOT_RESET) {
                out.histograms[i] = out.histograms[i].withCounterResetHint(FloatHistogram.CounterResetHint.UNKNOWN);
            }
        }
        return out;
    }

    /** The same points under other labels. */
    RangeSeries relabelled(Labels newLabels, boolean newDropName) {
        RangeSeries out = new RangeSeries(newLabels, newDropName, size);
        for (int i = 0; i < size; i++) {
            out.add(times[i], values[i]);
        }
        for (int i = 0; i < histogramCount; i++) {
            out.addHistogram(histogramTimes[i], histograms[i]);
        }
        return out;
    }
}
