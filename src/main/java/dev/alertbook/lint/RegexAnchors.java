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
                String bare = value.substring(value.startsWith("^") ? 1 : 0, value.length() - (trailing ? 1 : 0));
                // With alternatives each may carry anchors, so only a single pattern gets a rewrite;
                // one that is plain text without its anchors (or nothing, as in "^$") is an equality.
                String fix = value.contains("|") ? "remove the ^ and $ anchors"
                        : "write " + (bare.isEmpty() || RegexMatchers.isPlain(bare) ? RegexMatchers.asEquality(matcher, bare)
                                : matcher.name() + matcher.type().text() + "\"" + bare + "\"");
                context.report(this, rule.path(), rule.at(selector.span()),
                        "matcher " + RegexMatchers.written(matcher) + " has anchors Prometheus adds anyway; " + fix);
            }
        });
    }
}
