package dev.alertbook.lint;

import dev.alertbook.diag.Severity;

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
                            "`# alertbook disable " + id + "` turns off nothing here; remove it, or fix the check id"
                                    + " or move the comment to the rule it is meant for");
                }
            }
        }
    }
}
