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

    /** A float sample with the new value, under the same labels. */
    Sample withValue(double newValue, boolean drop) {
        return new Sample(labels, newValue, dropName || drop);
    }

    /** A histogram sample with the new histogram, under the same labels. */
    Sample withHistogram(FloatHistogram newHistogram, boolean drop) {
        return new Sample(labels, 0, dropName || drop, newHistogram);
    }

    /** The same value under other labels. */
    Sample withLabels(Labels newLabels, boolean newDropName) {
        return new Sample(newLabels, value, newDropName, histogram);
    }

    /** The labels as the query's result will show them. */
    Labels finalLabels() {
        return dropName ? labels.withoutMetricName() : labels;
    }
}
