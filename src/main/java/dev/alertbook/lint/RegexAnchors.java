package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import dev.alertbook.promql.Expr;

/**
 * {@code promql/regex-anchors}: a regex matcher starting with {@code ^} or ending with {@code $}.
 * Prometheus anchors every label regex at both ends already, so the anchors only suggest, wrongly,
 * that the pattern would otherwise match part of a value.
 */
final class RegexAnchors extends CheckBase implements ExprCheck {

    RegexAnchors() {
        super("promql/regex-anchors", Severity.INFO);
    }

    @Override
    public void check(RuleEntry rule, Expr expr, LintContext context) {
        RegexMatchers.forEach(expr, (selector, matcher) -> {
            String value = matcher.value();
            boolean trailing = value.endsWith("$") && !value.endsWith("\\$");
            if (value.startsWith("^") || trailing) {
                // With alternatives each may carry anchors, so only a single pattern gets a rewrite.
                String fix = value.contains("|") ? "remove the ^ and $ anchors" : "write " + matcher.name()
                        + matcher.type().text() + "\"" + value.substring(value.startsWith("^") ? 1 : 0,
                                value.length() - (trailing ? 1 : 0)) + "\"";
                context.report(this, rule.path(), rule.at(selector.span()),
                        "matcher " + RegexMatchers.written(matcher) + " has anchors Prometheus adds anyway; " + fix);
            }
        });
    }
}
