package dev.alertbook.promql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How deep a parsed tree nests, found with a loop, not recursion. The parser builds operator
 * chains such as {@code a or b or …} in a loop too, so it takes chains of any length, as
 * Prometheus does; but every later walk over the tree (type checking, printing, evaluation, the
 * lint checks) recurses once per level, so the parser bounds the height here before any of them
 * runs.
 */
final class TreeHeight {

    private record Level(Expr expr, int depth) {
    }

    private TreeHeight() {
    }

    /** The first node, in source order, more than {@code levels} below {@code root}, if any. */
    static Optional<Expr> firstBelow(Expr root, int levels) {
        Deque<Level> pending = new ArrayDeque<>();
        pending.push(new Level(root, 0));
        while (!pending.isEmpty()) {
            Level level = pending.pop();
            if (level.depth() > levels) {
                return Optional.of(level.expr());
            }
            List<Expr> children = children(level.expr());
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(new Level(children.get(i), level.depth() + 1));
            }
        }
        return Optional.empty();
    }

    /** The operands and the duration expressions of ranges, steps and offsets. */
    private static List<Expr> children(Expr expr) {
        List<Expr> children = new ArrayList<>(Operands.of(expr));
        if (expr instanceof DurationExpr duration) {
            children.add(duration.lhs());
            children.add(duration.rhs());
        } else if (expr instanceof MatrixSelector matrix) {
            children.add(matrix.rangeExpr());
        } else if (expr instanceof SubqueryExpr subquery) {
            children.add(subquery.rangeExpr());
            children.add(subquery.stepExpr());
            children.add(subquery.modifiers().offsetExpr());
        } else if (expr instanceof VectorSelector selector) {
            children.add(selector.modifiers().offsetExpr());
        }
        children.removeIf(Objects::isNull);
        return children;
    }
}
