package dev.alertbook.promql.engine;

import java.util.Arrays;

/** One stored series: its samples in timestamp order, in growable primitive arrays. */
public final class StoredSeries extends Points {

    private final Labels labels;

    StoredSeries(Labels labels) {
        super(16);
        this.labels = labels;
    }

    public Labels labels() {
        return labels;
    }

    /** Adds a sample; a sample at an existing timestamp replaces it, as a later write wins in a test. */
    void add(long time, double value) {
        if (size == 0 || times[size - 1] < time) {
            append(time, value);
            return;
        }
        int at = Arrays.binarySearch(times, 0, size, time);
        if (at >= 0) {
            values[at] = value;
            return;
        }
        int insert = -at - 1;
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        System.arraycopy(times, insert, times, insert + 1, size - insert);
        System.arraycopy(values, insert, values, insert + 1, size - insert);
        times[insert] = time;
        values[insert] = value;
        size++;
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
