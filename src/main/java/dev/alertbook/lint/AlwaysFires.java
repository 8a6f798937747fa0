package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import dev.alertbook.promql.BinaryExpr;
import dev.alertbook.promql.BinaryOp;
import dev.alertbook.promql.Expr;
import dev.alertbook.promql.VectorSelector;

/**
 * {@code promql/always-fires}: an alert whose expression has no condition (no comparison without
 * {@code bool}, no {@code absent}, no {@code and}/{@code unless}), so it fires for every series it
 * selects. An expression without any selector, such as {@code vector(1)}, is a deliberate
 * heartbeat (Watchdog) and is left alone.
 */
final class AlwaysFires extends CheckBase implements ExprCheck {

    AlwaysFires() {
        super("promql/always-fires", Severity.WARNING);
    }

    @Override
    public void check(RuleEntry rule, Expr expr, LintContext context) {
        if (!rule.rule().isAlert() || ExprTree.nodes(expr).noneMatch(VectorSelector.class::isInstance)) {
            return;
        }
        if (ExprTree.nodes(expr).noneMatch(AlwaysFires::filters)) {
            context.report(this, rule.path(), rule.at(expr.span()),
                    "alert " + rule.rule().name() + " has no condition, so it fires for every series the expression"
                            + " returns; add a comparison such as > 0.9 (or use absent() or and/unless to filter)");
        }
    }

    private static boolean filters(Expr node) {
        if (node instanceof BinaryExpr binary) {
            return binary.op().isComparison() && !binary.returnBool()
                    || binary.op() == BinaryOp.AND || binary.op() == BinaryOp.UNLESS;
        }
        return ExprTree.calls(node, "absent", "absent_over_time");
    }
}
