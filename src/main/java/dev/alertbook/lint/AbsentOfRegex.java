package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import dev.alertbook.promql.Call;
import dev.alertbook.promql.Expr;
import dev.alertbook.promql.Matcher;
import dev.alertbook.promql.VectorSelector;
import java.util.List;

/**
 * {@code promql/absent-regex}: {@code absent()} of a selector whose regex lists values, such as
 * {@code absent(up{job=~"api|db"})}. It returns 1 only when no series matches any of them, so it
 * stays quiet while one of the jobs is gone; and its result has no {@code job} label, since
 * {@code absent} keeps only the labels of {@code =} matchers. One {@code absent()} per value says
 * which one is missing. A regex that is a pattern rather than a list ({@code job=~".*thanos.*"},
 * "nothing at all") is what the author means and is left alone.
 */
final class AbsentOfRegex extends CheckBase implements ExprCheck {

    AbsentOfRegex() {
        super("promql/absent-regex", Severity.WARNING);
    }

    @Override
    public void check(RuleEntry rule, Expr expr, LintContext context) {
        ExprTree.nodes(expr).filter(node -> ExprTree.calls(node, "absent")).map(Call.class::cast)
                .filter(call -> ExprTree.unwrap(call.args().get(0)) instanceof VectorSelector)
                .forEach(call -> ((VectorSelector) ExprTree.unwrap(call.args().get(0))).matchers().stream()
                        .filter(matcher -> matcher.type() == Matcher.Type.REGEX && listsValues(matcher.value()))
                        .findFirst().ifPresent(matcher -> context.report(this, rule.path(), rule.at(call.span()),
                                "absent() of " + RegexMatchers.written(matcher) + " returns 1 only when none of "
                                        + String.join(", ", values(matcher.value())) + " has a series, and without the "
                                        + matcher.name() + " label; write one absent() per value, joined with or")));
    }

    /** Two or more alternatives, each plain text: {@code api|db}. */
    private static boolean listsValues(String pattern) {
        List<String> values = values(pattern);
        return values.size() > 1 && values.stream().allMatch(RegexMatchers::isPlain);
    }

    private static List<String> values(String pattern) {
        return List.of(pattern.split("\\|", -1));
    }
}
