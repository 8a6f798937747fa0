package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import java.util.Optional;

/**
 * {@code rule/redundant-for}: {@code for: 0s} or {@code keep_firing_for: 0s} written out. Zero is
 * what Prometheus uses without them, so the line only suggests a wait that is not there, and hides
 * among the alerts that do wait. A note: the rule works as written.
 */
final class RedundantFor extends CheckBase implements RuleCheck {

    RedundantFor() {
        super("rule/redundant-for", Severity.INFO);
    }

    @Override
    public void check(RuleEntry rule, LintContext context) {
        if (!rule.rule().isAlert()) {
            return;
        }
        report(rule, "for", rule.rule().forDuration(), "fires at the first evaluation that returns it", context);
        report(rule, "keep_firing_for", rule.rule().keepFiringFor(), "resolves as soon as it stops being returned", context);
    }

    private void report(RuleEntry rule, String key, Optional<String> written, String meaning, LintContext context) {
        if (ForTooShort.duration(written).filter(duration -> duration.isZero()).isPresent()) {
            context.report(this, rule.path(), rule.keyPosition(key),
                    key + ": " + written.get() + " is the default (the alert " + meaning + "); remove the line");
        }
    }
}
