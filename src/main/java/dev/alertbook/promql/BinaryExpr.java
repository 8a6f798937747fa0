package dev.alertbook.promql;

/**
 * A binary operation. {@code matching} holds {@code on}/{@code ignoring}, {@code group_*} and
 * {@code fill*}; like Prometheus, it is null once type checking finds a scalar operand.
 */
public record BinaryExpr(BinaryOp op, Expr lhs, Expr rhs, VectorMatching matching, boolean returnBool, Span span)
        implements Expr {

    @Override
    public ValueType type() {
        return lhs.type() == ValueType.SCALAR && rhs.type() == ValueType.SCALAR ? ValueType.SCALAR : ValueType.VECTOR;
    }

    BinaryExpr withMatching(VectorMatching newMatching) {
        return new BinaryExpr(op, lhs, rhs, newMatching, returnBool, span);
    }
}
