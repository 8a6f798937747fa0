package dev.alertbook.promql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A binary operation. {@code matching} holds {@code on}/{@code ignoring}, {@code group_*} and
 * {@code fill*} as written (Prometheus's checker later drops it for scalar operands and makes set
 * operators many-to-many; the type checker and printer apply those rules instead of rewriting).
 *
 * <p>A chain such as {@code a or b or c} nests to the left, one level per term, and Prometheus
 * takes chains of any length. So the methods here follow the left operands in a loop, where a
 * record's own methods would recurse once per term.
 */
public record BinaryExpr(BinaryOp op, Expr lhs, Expr rhs, VectorMatching matching, boolean returnBool, Span span)
        implements Expr {

    @Override
    public ValueType type() {
        Expr operand = this;
        while (operand instanceof BinaryExpr binary) {
            if (binary.rhs.type() != ValueType.SCALAR) {
                return ValueType.VECTOR;
            }
            operand = binary.lhs;
        }
        return operand.type() == ValueType.SCALAR ? ValueType.SCALAR : ValueType.VECTOR;
    }

    @Override
    public boolean equals(Object other) {
        Object left = this;
        Object right = other;
        while (left instanceof BinaryExpr a && right instanceof BinaryExpr b) {
            if (a == b) {
                return true;
            }
            if (a.op != b.op || a.returnBool != b.returnBool || !a.rhs.equals(b.rhs) || !a.matching.equals(b.matching)
                    || !a.span.equals(b.span)) {
                return false;
            }
            left = a.lhs;
            right = b.lhs;
        }
        return !(left instanceof BinaryExpr) && !(right instanceof BinaryExpr) && Objects.equals(left, right);
    }

    @Override
    public int hashCode() {
        List<BinaryExpr> chain = new ArrayList<>();
        Expr operand = this;
        while (operand instanceof BinaryExpr binary) {
            chain.add(binary);
            operand = binary.lhs;
        }
        int hash = operand.hashCode();
        for (int i = chain.size() - 1; i >= 0; i--) {
            BinaryExpr binary = chain.get(i);
            hash = Objects.hash(binary.op, hash, binary.rhs, binary.matching, binary.returnBool, binary.span);
        }
        return hash;
    }
}
