package dev.alertbook.promql.engine;

/**
 * One element of an instant vector. {@code dropName} records that an operation changed the value's
 * meaning, so the metric name goes at the end of the query: 3.x's delayed name removal, which lets
 * {@code label_replace} and friends still see the name.
 */
public record Sample(Labels labels, double value, boolean dropName) {

    Sample withValue(double newValue, boolean drop) {
        return new Sample(labels, newValue, dropName || drop);
    }

    /** The labels as the query's result will show them. */
    Labels finalLabels() {
        return dropName ? labels.withoutMetricName() : labels;
    }
}
