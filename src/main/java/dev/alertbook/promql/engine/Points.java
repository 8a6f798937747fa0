package dev.alertbook.promql.engine;

import java.util.Arrays;

/** Points in time order, in growable primitive arrays: what stored and selected series share. */
abstract class Points {

    long[] times;
    double[] values;
    int size;

    Points(int capacity) {
        times = new long[Math.max(capacity, 4)];
        values = new double[times.length];
    }

    public final int size() {
        return size;
    }

    public final long time(int i) {
        return times[i];
    }

    public final double value(int i) {
        return values[i];
    }

    /** Appends a point later than every other. */
    final void append(long time, double value) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        times[size] = time;
        values[size] = value;
        size++;
    }
}
