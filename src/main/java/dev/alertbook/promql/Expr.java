package dev.alertbook.promql;

/**
 * A PromQL expression: an immutable tree of records. Every node knows its place in the query
 * text and its value type.
 */
public sealed interface Expr permits AggregateExpr, BinaryExpr, Call, DurationExpr, MatrixSelector, NumberLiteral,
        ParenExpr, StringLiteral, SubqueryExpr, UnaryExpr, VectorSelector {

    Span span();

    ValueType type();
}
