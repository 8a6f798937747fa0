package dev.alertbook.promql.engine;

import dev.alertbook.golang.FloatFormat;
import dev.alertbook.golang.Quoting;

/** The texts of Prometheus's annotations about samples and histograms ({@code util/annotations}), in one place. */
final class HistogramMessages {

    private HistogramMessages() {
    }

    static String mixedFloatsHistograms(String metric) {
        return "encountered a mix of histograms and floats for metric name " + Quoting.quote(metric);
    }

    static String mixedFloatsHistogramsInAggregation() {
        return "encountered a mix of histograms and floats for aggregation";
    }

    static String mixedSchemas(String metric) {
        return "vector contains a mix of histograms with exponential and custom buckets schemas for metric name "
                + Quoting.quote(metric);
    }

    static String notCounter(String metric) {
        return "this native histogram metric is not a counter: " + Quoting.quote(metric);
    }

    static String notGauge(String metric) {
        return "this native histogram metric is not a gauge: " + Quoting.quote(metric);
    }

    /** {@code operation} is addition, subtraction or aggregation. */
    static String reconciled(String operation) {
        return "mismatched custom buckets were reconciled during " + operation;
    }

    static String counterResetCollision(String operation) {
        return "conflicting counter resets during histogram " + operation;
    }

    static String ignoredInAggregation(String aggregation) {
        return "ignored histogram in " + aggregation + " aggregation";
    }

    static String ignoredInMixedRange(String metric) {
        return "ignored histograms in a range containing both floats and histograms for metric name " + Quoting.quote(metric);
    }

    static String incompatibleTypes(String lhs, String operator, String rhs) {
        return "incompatible sample types encountered for binary operator " + Quoting.quote(operator) + ": " + lhs + " "
                + operator + " " + rhs;
    }

    static String incompatibleLayout(String operator) {
        return "incompatible bucket layout encountered for binary operator " + operator;
    }

    static String mixedClassicNative(String metric) {
        return "vector contains a mix of classic and native histograms" + forMetric(metric);
    }

    static String badBucketLabel(String metric, String le) {
        return "bucket label \"le\" is missing or has a malformed value of " + Quoting.quote(le) + forMetric(metric);
    }

    static String quantileValue(double q) {
        return "quantile value should be between 0 and 1, got " + FloatFormat.format(q, 'g', -1);
    }

    static String ratioValue(double ratio, double cappedTo) {
        return "ratio value should be between -1 and 1, got " + FloatFormat.format(ratio, 'g', -1) + ", capping to "
                + FloatFormat.format(cappedTo, 'g', -1);
    }

    static String possibleNonCounter(String metric) {
        return "metric might not be a counter, name does not end in _total/_sum/_count/_bucket: " + Quoting.quote(metric);
    }

    static String possibleNonCounterType(String metric, String type) {
        return "metric might not be a counter, __type__ label is not set to \"counter\" or \"histogram\", got "
                + Quoting.quote(type) + ": " + Quoting.quote(metric);
    }

    /** Prometheus adds " for metric name" only when there is a name. */
    private static String forMetric(String metric) {
        return metric.isEmpty() ? "" : " for metric name " + Quoting.quote(metric);
    }
}
