package dev.alertbook.promql;

import java.util.ArrayList;
import java.util.List;

/** The expressions directly below a node that are evaluated as its operands, in source order. */
public final class Operands {

    private Operands() {
    }

    /** The operands of {@code expr}; the durations of ranges and offsets are not among them. */
    public static List<Expr> of(Expr expr) {
        List<Expr> operands = new ArrayList<>();
        if (expr instanceof AggregateExpr aggregate) {
            if (aggregate.param() != null) {
                operands.add(aggregate.param());
            }
            operands.add(aggregate.expr());
        } else if (expr instanceof BinaryExpr binary) {
            operands.add(binary.lhs());
            operands.add(binary.rhs());
        } else if (expr instanceof Call call) {
            operands.addAll(call.args());
        } else if (expr instanceof MatrixSelector matrix) {
            operands.add(matrix.selector());
        } else if (expr instanceof ParenExpr paren) {
            operands.add(paren.expr());
        } else if (expr instanceof SubqueryExpr subquery) {
            operands.add(subquery.expr());
        } else if (expr instanceof UnaryExpr unary) {
            operands.add(unary.expr());
        }
        return operands;
    }
}
