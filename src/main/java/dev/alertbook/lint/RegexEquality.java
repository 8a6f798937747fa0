package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import dev.alertbook.promql.Expr;

/**
 * {@code promql/regex-equality}: a regex matcher whose pattern has no special characters, such
 * as {@code job=~"api"}. It matches exactly one value, so {@code =} says the same, reads plainer
 * and spares Prometheus the regex.
 */
final class RegexEquality extends CheckBase implements ExprCheck {

    RegexEquality() {
        super("promql/regex-equality", Severity.INFO);
    }

    @Override
    public void check(RuleEntry rule, Expr expr, LintContext context) {
        RegexMatchers.forEach(expr, (selector, matcher) -> {
            if (RegexMatchers.isPlain(matcher.value())) {
                context.report(this, rule.path(), rule.at(selector.span()),
                        "matcher " + RegexMatchers.written(matcher) + " is a plain comparison; write "
                                + RegexMatchers.asEquality(matcher, matcher.value()));
            }
        });
    }
}
