package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import dev.alertbook.rules.GoDuration;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code rule/for-too-short}: a {@code for} shorter than two evaluations of its group. The alert
 * fires after one or two evaluations whatever the {@code for} says, so the wait it promises is not
 * there. The interval is the group's own, else {@code checks.evaluationInterval}.
 */
final class ForTooShort extends CheckBase implements RuleCheck {

    ForTooShort() {
        super("rule/for-too-short", Severity.WARNING);
    }

    @Override
    public void check(RuleEntry rule, LintContext context) {
        Optional<Duration> wait = duration(rule.rule().forDuration());
        if (!rule.rule().isAlert() || wait.isEmpty() || wait.get().isZero()) {
            return;
        }
        Duration interval = duration(rule.group().interval()).filter(d -> !d.isZero())
                .orElse(context.settings().evaluationInterval());
        if (wait.get().compareTo(interval.multipliedBy(2)) < 0) {
            context.report(this, rule.path(), rule.rule().namePosition(),
                    "alert " + rule.rule().name() + " has for: " + rule.rule().forDuration().get()
                            + ", less than two evaluation intervals (" + Durations.format(interval.multipliedBy(2))
                            + "), so one evaluation confirming the problem is enough to fire it; use for: " + Durations.format(interval.multipliedBy(2))
                            + " or more, or drop for:");
        }
    }

    static Optional<Duration> duration(Optional<String> written) {
        return written.map(GoDuration::parse).filter(parsed -> parsed.error().isEmpty())
                .map(parsed -> Duration.ofNanos(parsed.nanos()));
    }
}
