package dev.alertbook.promql.engine;

import java.util.List;

/** The result of evaluating an expression: PromQL's four value types. */
public sealed interface Value {

    /** A number, such as {@code 1 + 2} or {@code time()}. */
    record Scalar(double value) implements Value {
    }

    /** A string literal, the only way to get a string result. */
    record Text(String value) implements Value {
    }

    /** An instant vector: one sample per series, in the order the engine produced them. */
    record Vector(List<Sample> samples) implements Value {
    }

    /** A range vector, or the result of a range query: series of points, sorted by labels. */
    record Matrix(List<RangeSeries> series) implements Value {
    }
}
