package dev.alertbook.promql;

/**
 * A range vector selector {@code x[5m]}. The range is nanoseconds, or a duration expression
 * ({@code rangeExpr}, null for a literal). Offset and {@code @} live on the inner selector.
 */
public record MatrixSelector(VectorSelector selector, long rangeNanos, DurationExpr rangeExpr, Span span)
        implements Expr {

    @Override
    public ValueType type() {
        return ValueType.MATRIX;
    }

    MatrixSelector with(VectorSelector newSelector, Span newSpan) {
        return new MatrixSelector(newSelector, rangeNanos, rangeExpr, newSpan);
    }
}
