package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import dev.alertbook.promql.Call;
import dev.alertbook.promql.Expr;
import java.time.Duration;

/**
 * {@code promql/range-too-short}: {@code rate}, {@code irate} or {@code increase} over a range
 * shorter than two scrape intervals ({@code checks.scrapeInterval}). They need two samples in the
 * range, so a shorter one often holds one and the result drops out: gaps in graphs, alerts that
 * resolve and fire again.
 */
final class RangeTooShort extends CheckBase implements ExprCheck {

    RangeTooShort() {
        super("promql/range-too-short", Severity.WARNING);
    }

    @Override
    public void check(RuleEntry rule, Expr expr, LintContext context) {
        Duration minimum = context.settings().scrapeInterval().multipliedBy(2);
        ExprTree.nodes(expr).forEach(node -> Counters.rangeOf(node)
                .filter(matrix -> matrix.rangeExpr() == null && matrix.rangeNanos() < minimum.toNanos())
                .ifPresent(matrix -> context.report(this, rule.path(), rule.at(matrix.span()),
                        ((Call) node).function().name() + " over " + rule.text(matrix.span()) + " covers less than two"
                                + " scrape intervals, so it often has a single sample and no result; use a range of at least "
                                + Durations.format(minimum) + " (or set checks.scrapeInterval)")));
    }
}
