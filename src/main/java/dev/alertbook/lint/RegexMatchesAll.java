package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import dev.alertbook.promql.Expr;
import dev.alertbook.promql.Matcher;
import java.util.Set;

/**
 * {@code promql/regex-matches-all}: a matcher {@code l=~".*"}, which every series passes, with the
 * label or without it, so it filters nothing (the author usually meant {@code =~".+"}, "has the
 * label"); and {@code l!~".*"}, which no series passes, so the selector never returns anything.
 */
final class RegexMatchesAll extends CheckBase implements ExprCheck {

    /** Patterns that match every value, the empty one included. */
    private static final Set<String> EVERYTHING = Set.of(".*", "^.*$", "(.*)", ".*?", "(?s:.*)", "(?s).*");

    RegexMatchesAll() {
        super("promql/regex-matches-all", Severity.WARNING);
    }

    @Override
    public void check(RuleEntry rule, Expr expr, LintContext context) {
        RegexMatchers.forEach(expr, (selector, matcher) -> {
            if (EVERYTHING.contains(matcher.value())) {
                context.report(this, rule.path(), rule.at(selector.span()), "matcher " + RegexMatchers.written(matcher)
                        + (matcher.type() == Matcher.Type.REGEX
                                ? " matches every series, also those without the label, so it filters nothing; remove it,"
                                        + " or write " + matcher.name() + "=~\".+\" for the series that have the label"
                                : " matches no series at all, so this selector never returns anything; write "
                                        + matcher.name() + "=\"\" for the series without the label"));
            }
        });
    }
}
