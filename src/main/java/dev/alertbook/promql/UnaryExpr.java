package dev.alertbook.promql;

/** {@code -x} or {@code +x} on anything but a number literal (signs on literals are folded into them). */
public record UnaryExpr(BinaryOp op, Expr expr, Span span) implements Expr {

    @Override
    public ValueType type() {
        return expr.type();
    }
}
