package dev.alertbook.promql;

/**
 * A binary operation. {@code matching} holds {@code on}/{@code ignoring}, {@code group_*} and
 * {@code fill*} as written (Prometheus's checker later drops it for scalar operands and makes set
 * operators many-to-many; the type checker and printer apply those rules instead of rewriting).
 */
public record BinaryExpr(BinaryOp op, Expr lhs, Expr rhs, VectorMatching matching, boolean returnBool, Span span)
        implements Expr {

    @Override
    public ValueType type() {
        return lhs.type() == ValueType.SCALAR && rhs.type() == ValueType.SCALAR ? ValueType.SCALAR : ValueType.VECTOR;
    }
}
