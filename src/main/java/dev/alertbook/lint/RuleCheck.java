package dev.alertbook.lint;

/** A check that looks at one rule at a time. */
interface RuleCheck extends Check {

    @Override
    default void run(LintContext context) {
        context.checkOnce(this);
    }

    void check(RuleEntry rule, LintContext context);
}
