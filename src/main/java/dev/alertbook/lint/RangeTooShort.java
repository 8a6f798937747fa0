package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import dev.alertbook.golang.Durations;
import dev.alertbook.promql.Call;
import dev.alertbook.promql.Expr;
import java.time.Duration;

/**
 * {@code promql/range-too-short}: {@code rate}, {@code irate} or {@code increase} over a range
 * shorter than two scrape intervals. They need two samples in the range, so a shorter one often
 * holds one and the result drops out: gaps in graphs, alerts that resolve and fire again. The
 * interval is {@code checks.scrapeInterval}, else
 * {@link dev.alertbook.config.CheckSettings#ASSUMED_INTERVAL}, and the finding says which.
 */
final class RangeTooShort extends CheckBase implements ExprCheck {

    RangeTooShort() {
        super("promql/range-too-short", Severity.WARNING);
    }

    @Override
    public void check(RuleEntry rule, Expr expr, LintContext context) {
        Interval scrape = Interval.scrape(context.settings());
        Duration minimum = scrape.duration().multipliedBy(2);
        ExprTree.nodes(expr).forEach(node -> Counters.rangeOf(node)
                .filter(matrix -> matrix.rangeExpr() == null && matrix.rangeNanos() < minimum.toNanos())
                .ifPresent(matrix -> context.report(this, rule.path(), rule.at(matrix.span()),
                        ((Call) node).function().name() + " over " + rule.text(matrix.span()) + " covers less than two"
                                + " scrape intervals (" + scrape.describe() + "), so it often has a single sample and no"
                                + " result; use a range of at least " + Durations.format(minimum.toNanos()))));
    }
}
