package dev.alertbook.promql.engine;

import java.util.Arrays;

/** One series of a range vector: its points in time order, in primitive arrays. */
public final class RangeSeries extends Points {

    private final Labels labels;
    private final boolean dropName;

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

    public double[] values() {
        return Arrays.copyOf(values, size);
    }

    void add(long time, double value) {
        append(time, value);
    }
}
