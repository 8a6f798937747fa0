package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import dev.alertbook.promql.Call;
import dev.alertbook.promql.Expr;

/**
 * {@code promql/rate-not-counter}: {@code rate}, {@code irate} or {@code increase} of a metric
 * whose name is not a counter's ({@code _total}, {@code _count}, {@code _sum}, {@code _bucket}) but
 * a gauge's ({@link Counters#isGaugeName}). On a gauge these treat every drop as a counter reset
 * and give nonsense; {@code deriv} or {@code delta} is what a gauge needs. Names that merely lack a
 * counter suffix are not reported: on the corpora most of them were counters of exporters that
 * predate the {@code _total} convention ({@code pg_stat_database_deadlocks}), or gauges that only
 * grow ({@code pg_txid_current}).
 */
final class RateOfNonCounter extends CheckBase implements ExprCheck {

    RateOfNonCounter() {
        super("promql/rate-not-counter", Severity.WARNING);
    }

    @Override
    public void check(RuleEntry rule, Expr expr, LintContext context) {
        ExprTree.nodes(expr).forEach(node -> Counters.rangeOf(node).ifPresent(matrix -> Counters.metric(matrix)
                .filter(Counters::isGaugeName)
                .ifPresent(metric -> context.report(this, rule.path(), rule.at(node.span()),
                        ((Call) node).function().name() + " of " + metric + ", which is named like a gauge, not a counter ("
                                + String.join(", ", Counters.SUFFIXES) + "); use deriv() or delta() on a gauge,"
                                + " or disable this check here if it is a counter after all"))));
    }
}
