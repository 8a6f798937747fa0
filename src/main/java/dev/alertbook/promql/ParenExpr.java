package dev.alertbook.promql;

/** An expression in parentheses; kept so that printing gives back the same grouping. */
public record ParenExpr(Expr expr, Span span) implements Expr {

    @Override
    public ValueType type() {
        return expr.type();
    }
}
