package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import dev.alertbook.golang.Durations;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code rule/for-too-short}: a {@code for} shorter than its group's evaluation interval.
 * Prometheus looks at the condition once per interval and fires when, at an evaluation, the alert
 * has been pending for at least {@code for}; so any {@code for} up to the interval waits exactly
 * one interval, and {@code for: 30s} in a group evaluated every minute waits a minute. A
 * {@code for} equal to the interval is what it says (two evaluations in a row), and is not
 * reported. The interval is the group's own, else {@code checks.evaluationInterval}, else
 * {@link dev.alertbook.config.CheckSettings#ASSUMED_INTERVAL}.
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
        Interval interval = Interval.evaluation(rule.group(), context.settings());
        if (wait.get().compareTo(interval.duration()) < 0) {
            String every = Durations.format(interval.duration().toNanos());
            context.report(this, rule.path(), rule.rule().namePosition(),
                    "alert " + rule.rule().name() + " has for: " + rule.rule().forDuration().get()
                            + ", shorter than the evaluation interval (" + interval.describe() + "): Prometheus fires it"
                            + " at the next evaluation, " + every + " after it became pending, not "
                            + Durations.format(wait.get().toNanos()) + "; write for: " + every + ", or evaluate the group more often");
        }
    }

    static Optional<Duration> duration(Optional<String> written) {
        return written.map(Durations::parse).filter(parsed -> parsed.error().isEmpty())
                .map(parsed -> Duration.ofNanos(parsed.nanos()));
    }
}
