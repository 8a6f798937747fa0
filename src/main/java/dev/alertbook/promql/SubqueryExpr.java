package dev.alertbook.promql;

/**
 * A subquery {@code x[1h:5m]}: range and step as nanoseconds or duration expressions (step 0
 * and no expression means the default step).
 */
public record SubqueryExpr(Expr expr, long rangeNanos, DurationExpr rangeExpr, long stepNanos, DurationExpr stepExpr,
        Modifiers modifiers, Span span) implements Expr {

    @Override
    public ValueType type() {
        return ValueType.MATRIX;
    }

    SubqueryExpr with(Modifiers newModifiers, Span newSpan) {
        return new SubqueryExpr(expr, rangeNanos, rangeExpr, stepNanos, stepExpr, newModifiers, newSpan);
    }
}
