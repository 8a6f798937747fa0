package dev.alertbook.lint;

import dev.alertbook.promql.Expr;

/** A check of rule expressions; rules whose expression does not parse were reported already. */
interface ExprCheck extends RuleCheck {

    @Override
    default void check(RuleEntry rule, LintContext context) {
        rule.expr().ifPresent(expr -> check(rule, expr, context));
    }

    void check(RuleEntry rule, Expr expr, LintContext context);
}
