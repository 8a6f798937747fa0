package dev.alertbook.promql.engine;

import java.util.Arrays;

/**
 * One stored series: its samples in timestamp order, in growable primitive arrays. Native
 * histogram samples sit in a parallel array, allocated with the series' first histogram, and
 * hold 0 in the float array (the float a Prometheus histogram sample carries). Start timestamps
 * (OpenTelemetry's, for the samples that have one) sit in another, 0 meaning none.
 */
public final class StoredSeries extends Points {

    private final Labels labels;
    private FloatHistogram[] histograms;
    private long[] starts;

    StoredSeries(Labels labels) {
        super(16);
        this.labels = labels;
    }

    public Labels labels() {
        return labels;
    }

    /** The histogram of sample {@code i}, or null for a float sample. */
    public FloatHistogram histogram(int i) {
        return histograms == null ? null : histograms[i];
    }

    /** The start timestamp of sample {@code i} in milliseconds, 0 when it has none. */
    long start(int i) {
        return starts == null ? 0 : starts[i];
    }

    /** Adds a sample; a sample at an existing timestamp replaces it, as a later write wins in a test. */
    void add(long time, double value, long start) {
        put(time, value, null, start);
    }

    /**
     * Adds a histogram sample with the counter reset hint Prometheus's storage reads it back with:
     * a histogram that continues the previous one's chunk as a counter reads as {@code not_reset}; the
     * first of a chunk reads as {@code unknown} whatever it was written with, and a gauge as
     * {@code gauge}. (Prometheus also starts chunks by size, which only long series reach; that is
     * not modelled.)
     */
    void add(long time, FloatHistogram histogram, long start) {
        int previous = after(time - 1) - 1;
        FloatHistogram before = previous >= 0 ? histogram(previous) : null;
        FloatHistogram.CounterResetHint hint = histogram.counterResetHint() == FloatHistogram.CounterResetHint.GAUGE
                ? FloatHistogram.CounterResetHint.GAUGE
                : before != null && CounterResets.continuesChunk(histogram, before)
                        ? FloatHistogram.CounterResetHint.NOT_RESET
                        : FloatHistogram.CounterResetHint.UNKNOWN;
        put(time, 0, histogram.withCounterResetHint(hint), start);
    }

    private void put(long time, double value, FloatHistogram histogram, long start) {
        int at = size > 0 && times[size - 1] >= time ? Arrays.binarySearch(times, 0, size, time) : -size - 1;
        if (at < 0) {
            at = -at - 1;
            makeRoomAt(at);
            times[at] = time;
        }
        values[at] = value;
        if (histogram != null && histograms == null) {
            histograms = new FloatHistogram[times.length];
        }
        if (histograms != null) {
            histograms[at] = histogram;
        }
        if (start != 0 && starts == null) {
            starts = new long[times.length];
        }
        if (starts != null) {
            starts[at] = start;
        }
    }

    private void makeRoomAt(int at) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        if (histograms != null && histograms.length < times.length) {
            histograms = Arrays.copyOf(histograms, times.length);
        }
        if (starts != null && starts.length < times.length) {
            starts = Arrays.copyOf(starts, times.length);
        }
        System.arraycopy(times, at, times, at + 1, size - at);
        System.arraycopy(values, at, values, at + 1, size - at);
        if (histograms != null) {
            System.arraycopy(histograms, at, histograms, at + 1, size - at);
        }
        if (starts != null) {
            System.arraycopy(starts, at, starts, at + 1, size - at);
        }
        size++;
    }

    /** Whether sample {@code i} is a stale marker, float or histogram. */
    boolean isStale(int i) {
        FloatHistogram h = histogram(i);
        return h != null ? h.isStale() : StaleMarker.is(values[i]);
    }

    /** The index of the first sample after {@code time}, so that {@code (from, to]} is [after(from), after(to)). */
    int after(long time) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (times[mid] <= time) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
