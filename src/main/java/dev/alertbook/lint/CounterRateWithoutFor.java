package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import dev.alertbook.promql.BinaryExpr;
import dev.alertbook.promql.BinaryOp;
import dev.alertbook.promql.Call;
import dev.alertbook.promql.Expr;
import dev.alertbook.promql.NumberLiteral;
import dev.alertbook.promql.VectorSelector;
import java.util.Optional;

/**
 * {@code rule/rate-without-for}: an alert with no {@code for} that compares a counter's
 * {@code rate} or {@code irate} with a threshold, such as {@code rate(errors_total[1m]) > 100}. A
 * rate jumps with every burst, restart and missed scrape, so without {@code for} one noisy
 * evaluation pages.
 *
 * <p>Event alerts are left alone, since a {@code for} would delay or hide the very event they
 * report: a rate compared with 0 ("any errors at all"), and counts of events in a window, which is
 * what {@code increase}, {@code changes} and {@code resets} give with any threshold
 * ({@code increase(oom_kills_total[5m]) > 0}, {@code increase(deadlocks_total[1m]) > 5}): their
 * window already says over how long the events are counted. On srerun 34 of the 47 alerts this
 * check reported before were such events.
 */
final class CounterRateWithoutFor extends CheckBase implements ExprCheck {

    CounterRateWithoutFor() {
        super("rule/rate-without-for", Severity.WARNING);
    }

    @Override
    public void check(RuleEntry rule, Expr expr, LintContext context) {
        boolean waits = ForTooShort.duration(rule.rule().forDuration()).filter(d -> !d.isZero()).isPresent();
        if (!rule.rule().isAlert() || waits) {
            return;
        }
        ExprTree.nodes(expr).filter(BinaryExpr.class::isInstance).map(BinaryExpr.class::cast)
                .filter(binary -> binary.op().isComparison() && !binary.returnBool())
                .flatMap(binary -> rateAgainstThreshold(binary).stream()).findFirst().ifPresent(rate ->
                        context.report(this, rule.path(), rule.rule().namePosition(),
                                "alert " + rule.rule().name() + " compares " + rule.text(rate.span()) + " with a threshold"
                                        + " and has no for:, so one evaluation with a spike pages; add for: of a few"
                                        + " evaluation intervals"));
    }

    /** The rate of a comparison of a rate with a threshold other than "more than 0", if it is one. */
    private static Optional<Expr> rateAgainstThreshold(BinaryExpr comparison) {
        Expr lhs = ExprTree.unwrap(comparison.lhs());
        Expr rhs = ExprTree.unwrap(comparison.rhs());
        if (isConstant(rhs) && !isConstant(lhs)) {
            return rate(lhs).filter(rate -> !isAnyEvent(comparison.op(), rhs));
        }
        if (isConstant(lhs) && !isConstant(rhs)) {
            return rate(rhs).filter(rate -> !isAnyEvent(ExprTree.mirrored(comparison.op()), lhs));
        }
        return Optional.empty();
    }

    /** The first {@code rate} or {@code irate} of a counter in {@code side}, outside any comparison. */
    private static Optional<Expr> rate(Expr side) {
        return ExprTree.nodes(side).filter(node -> node instanceof Call call && !call.function().name().equals("increase")
                && Counters.rangeOf(node).isPresent()).findFirst();
    }

    /** {@code > 0} or {@code != 0}: whether anything happened at all. */
    private static boolean isAnyEvent(BinaryOp op, Expr threshold) {
        return threshold instanceof NumberLiteral number && number.value() == 0 && (op == BinaryOp.GTR || op == BinaryOp.NEQ);
    }

    /** No selector in it: a number or arithmetic on numbers, such as {@code 7*24*60*60}. */
    private static boolean isConstant(Expr side) {
        return ExprTree.nodes(side).noneMatch(VectorSelector.class::isInstance);
    }
}
