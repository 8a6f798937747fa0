package dev.alertbook.lint;

import dev.alertbook.promql.BinaryOp;
import dev.alertbook.promql.Call;
import dev.alertbook.promql.Expr;
import dev.alertbook.promql.Operands;
import dev.alertbook.promql.ParenExpr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/** Walks PromQL trees for the checks. */
final class ExprTree {

    private ExprTree() {
    }

    /**
     * {@code root} and every expression below it, parents before children. A loop, not nested
     * streams: a chain such as {@code a or b or …} nests one level per term, and a stream per level
     * runs out of stack at a few hundred.
     */
    static Stream<Expr> nodes(Expr root) {
        List<Expr> found = new ArrayList<>();
        Deque<Expr> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Expr expr = pending.pop();
            found.add(expr);
            List<Expr> children = Operands.of(expr);
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i));
            }
        }
        return found.stream();
    }

    /** The expression inside any parentheses. */
    static Expr unwrap(Expr expr) {
        return expr instanceof ParenExpr paren ? unwrap(paren.expr()) : expr;
    }

    /** Whether {@code expr} is a call of one of {@code functions}. */
    static boolean calls(Expr expr, String... functions) {
        return unwrap(expr) instanceof Call call && List.of(functions).contains(call.function().name());
    }

    /** The operator with its operands swapped: {@code 1 < x} is {@code x > 1}. */
    static BinaryOp mirrored(BinaryOp op) {
        return switch (op) {
            case GTR -> BinaryOp.LSS;
            case GTE -> BinaryOp.LTE;
            case LSS -> BinaryOp.GTR;
            case LTE -> BinaryOp.GTE;
            default -> op;
        };
    }
}
