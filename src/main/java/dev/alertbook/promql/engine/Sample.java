package dev.alertbook.promql.engine;

/**
 * One element of an instant vector. {@code dropName} records that an operation changed the value's
 * meaning, so the metric name goes at the end of the query: 3.x's delayed name removal, which lets
 * {@code label_replace} and friends still see the name. {@code histogram} is the native histogram
 * of a histogram sample, whose {@code value} is then 0 as in Prometheus; null for a float sample.
 */
public record Sample(Labels labels, double value, boolean dropName, FloatHistogram histogram) {

    public Sample(Labels labels, double value, boolean dropName) {
        this(labels, value, dropName, null);
    }

    public boolean isHistogram() {
        return histogram != null;
    }

    /** A float sample with the new value: what every operation alertbook can apply produces. */
    Sample withValue(double newValue, boolean drop) {
        return new Sample(labels, newValue, dropName || drop);
    }

    /** The labels as the query's result will show them. */
    Labels finalLabels() {
        return dropName ? labels.withoutMetricName() : labels;
    }
}
