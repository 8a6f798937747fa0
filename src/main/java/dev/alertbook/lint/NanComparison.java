package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import dev.alertbook.promql.BinaryExpr;
import dev.alertbook.promql.BinaryOp;
import dev.alertbook.promql.Expr;
import dev.alertbook.promql.NumberLiteral;

/**
 * {@code promql/nan-comparison}: a comparison with {@code NaN}. NaN is equal to nothing, itself
 * included, and neither greater nor less than anything, so {@code x == NaN} (and {@code >},
 * {@code <}, …) is never true and {@code x != NaN} always is. To find NaN samples, compare a
 * series with itself: {@code x != x}.
 */
final class NanComparison extends CheckBase implements ExprCheck {

    NanComparison() {
        super("promql/nan-comparison", Severity.WARNING);
    }

    @Override
    public void check(RuleEntry rule, Expr expr, LintContext context) {
        ExprTree.nodes(expr).filter(BinaryExpr.class::isInstance).map(BinaryExpr.class::cast)
                .filter(binary -> binary.op().isComparison() && (isNan(binary.lhs()) || isNan(binary.rhs())))
                .forEach(binary -> context.report(this, rule.path(), rule.at(binary.span()),
                        "`" + rule.text(binary.span()).strip() + "` is " + (binary.op() == BinaryOp.NEQ ? "true" : "false")
                                + " for every sample, since NaN equals nothing, not even NaN; to find NaN samples,"
                                + " compare the series with itself (x != x)"));
    }

    static boolean isNan(Expr side) {
        return ExprTree.unwrap(side) instanceof NumberLiteral number && Double.isNaN(number.value());
    }
}
