package dev.alertbook.lint;

import dev.alertbook.diag.KnownChecks;
import dev.alertbook.diag.Severity;
import dev.alertbook.text.Spelling;

/**
 * {@code rule/unused-disable}: an inline disable comment that turns off nothing, because the
 * problem was fixed, the id is misspelt, or the comment is on the wrong line. Left in place it
 * would hide the next real problem there. Runs after every other check.
 */
final class UnusedDisable extends CheckBase {

    static final String ID = "rule/unused-disable";

    private final Suppressions suppressions;

    UnusedDisable(Suppressions suppressions) {
        super(ID, Severity.WARNING);
        this.suppressions = suppressions;
    }

    @Override
    public void run(LintContext context) {
        for (Suppressions.Directive directive : suppressions.directives()) {
            for (String id : directive.ids) {
                if (!directive.used.contains(id)) {
                    context.report(this, directive.path, directive.position,
                            "`# alertbook disable " + id + "` turns off nothing" + why(id, directive.path, context));
                }
            }
        }
    }

    private static String why(String id, String path, LintContext context) {
        if (KnownChecks.find(id).isEmpty()) {
            return ": no check has this id" + Spelling.closest(id, KnownChecks.ids())
                    .map(known -> " (did you mean " + known + "?)").orElse("") + "; fix the id or remove the comment";
        }
        if (context.config().checkPolicy().disables(id, path)) {
            return ": alertbook.yml disables " + id + " for this file already (checks.disabled or checks.overrides);"
                    + " remove the comment";
        }
        return " here; remove it, or move it to the rule it is meant for";
    }
}
