package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import dev.alertbook.promql.BinaryExpr;
import dev.alertbook.promql.BinaryOp;
import dev.alertbook.promql.Expr;
import dev.alertbook.promql.Matcher;
import dev.alertbook.promql.ValueType;
import dev.alertbook.promql.VectorSelector;
import java.util.Optional;

/**
 * {@code promql/always-fires}: an alert whose expression returns a sample at every evaluation, so
 * it fires for good: an expression with no condition (no comparison without {@code bool}, no
 * {@code absent}, no {@code and}/{@code unless}), one whose comparisons all use {@code bool} (which
 * gives 0 or 1 for every series instead of filtering), and one that ends in
 * {@code or vector(0)}, whose right side is there whatever the left side returns. An expression
 * without any selector, such as {@code vector(1)}, is a deliberate heartbeat (Watchdog), and a lone
 * selector that picks series by a regex is a presence alert; both are left alone.
 */
final class AlwaysFires extends CheckBase implements ExprCheck {

    AlwaysFires() {
        super("promql/always-fires", Severity.WARNING);
    }

    @Override
    public void check(RuleEntry rule, Expr expr, LintContext context) {
        // A range vector or string result is promql/result-type's error, not a missing condition.
        if (!rule.rule().isAlert() || expr.type() != ValueType.VECTOR
                || ExprTree.nodes(expr).noneMatch(VectorSelector.class::isInstance) || selectsByPattern(expr)) {
            return;
        }
        Optional<Expr> constant = constantAlternative(expr);
        if (constant.isPresent()) {
            context.report(this, rule.path(), rule.at(constant.get().span()),
                    "`or " + rule.text(constant.get().span()).strip() + "` returns a sample whatever the rest returns, so"
                            + " alert " + rule.rule().name() + " fires at every evaluation; drop it (an alert needs no"
                            + " sample to stay quiet)");
        } else if (ExprTree.nodes(expr).noneMatch(AlwaysFires::filters)) {
            boolean bool = ExprTree.nodes(expr).anyMatch(node -> node instanceof BinaryExpr binary && binary.returnBool());
            context.report(this, rule.path(), rule.at(expr.span()), bool
                    ? "alert " + rule.rule().name() + " compares with bool, which gives 0 or 1 for every series instead"
                            + " of dropping the ones that fail, so it fires for all of them; remove bool"
                    : "alert " + rule.rule().name() + " has no condition, so it fires for every series the expression"
                            + " returns; add a comparison such as > 0.9 (or use absent() or and/unless to filter)");
        }
    }

    /**
     * The operand of an {@code or} at the top of the expression that returns a sample at every
     * evaluation: one with no selector and no condition, such as {@code vector(0)}.
     */
    private static Optional<Expr> constantAlternative(Expr expr) {
        Expr top = ExprTree.unwrap(expr);
        if (top instanceof BinaryExpr binary && binary.op() == BinaryOp.OR) {
            for (Expr side : new Expr[] {binary.rhs(), binary.lhs()}) {
                if (side.type() == ValueType.VECTOR && ExprTree.nodes(side).noneMatch(VectorSelector.class::isInstance)
                        && ExprTree.nodes(side).noneMatch(AlwaysFires::filters)) {
                    return Optional.of(side);
                }
            }
            return constantAlternative(binary.lhs()).or(() -> constantAlternative(binary.rhs()));
        }
        return Optional.empty();
    }

    /**
     * A lone selector that picks series by a pattern, such as
     * {@code pg_index_size{indexrelname=~".*ccnew.*"}}: a presence alert, firing while series
     * named like a problem exist, whose condition is the selection itself.
     */
    private static boolean selectsByPattern(Expr expr) {
        return ExprTree.unwrap(expr) instanceof VectorSelector selector && selector.matchers().stream()
                .anyMatch(matcher -> matcher.type() == Matcher.Type.REGEX && !matcher.matchesEmpty());
    }

    private static boolean filters(Expr node) {
        if (node instanceof BinaryExpr binary) {
            return binary.op().isComparison() && !binary.returnBool()
                    || binary.op() == BinaryOp.AND || binary.op() == BinaryOp.UNLESS;
        }
        return ExprTree.calls(node, "absent", "absent_over_time");
    }
}
