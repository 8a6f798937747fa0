package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import java.util.regex.Pattern;

/**
 * {@code template/value-in-label}: an alert label whose template reads the value ({@code $value},
 * {@code .Value}). Alerts are told apart by their labels, so each new value makes a new alert:
 * the old one resolves and the new one notifies, at every evaluation the value changes. The value
 * belongs in an annotation.
 */
final class ValueInLabel extends CheckBase implements RuleCheck {

    /** {@code $value}, {@code .Value} or {@code $.Value} inside a {@code {{ … }}} action. */
    private static final Pattern READS_VALUE =
            Pattern.compile("\\{\\{(?:(?!}}).)*(?:\\$value\\b|(?<![\\w$])\\$?\\.Value\\b)", Pattern.DOTALL);

    ValueInLabel() {
        super("template/value-in-label", Severity.WARNING);
    }

    @Override
    public void check(RuleEntry rule, LintContext context) {
        if (!rule.rule().isAlert()) {
            return;
        }
        rule.rule().labels().forEach((name, value) -> {
            if (READS_VALUE.matcher(value).find()) {
                context.report(this, rule.path(), rule.rule().labelPositions().getOrDefault(name, rule.rule().namePosition()),
                        "label \"" + name + "\" reads the alert's value, so every new value makes a new alert that"
                                + " notifies again while the old one resolves; put the value in an annotation");
            }
        });
    }
}
