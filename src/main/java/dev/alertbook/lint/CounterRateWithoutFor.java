package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import dev.alertbook.promql.Expr;

/**
 * {@code rule/rate-without-for}: an alert on a counter's rate with no {@code for}. A rate jumps
 * with every restart, scrape miss and burst, so without {@code for} one noisy evaluation pages.
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
        ExprTree.nodes(expr).filter(node -> Counters.rangeOf(node).isPresent()).findFirst().ifPresent(call ->
                context.report(this, rule.path(), rule.rule().namePosition(),
                        "alert " + rule.rule().name() + " fires on a counter rate (" + rule.text(call.span())
                                + ") without for:, so one noisy evaluation pages; add for: of a few evaluation intervals"));
    }
}
