package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import dev.alertbook.promql.Expr;
import dev.alertbook.promql.VectorSelector;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code promql/no-recording-rule}: an expression reads a metric named like a recorded one
 * ({@code level:metric:operations}; colons are reserved for recording rules, so scrapes never
 * produce them) that no recording rule here records. Usually a renamed or deleted recording rule;
 * a warning only, since the rule may live in another repository.
 */
final class UnproducedMetric extends CheckBase {

    UnproducedMetric() {
        super("promql/no-recording-rule", Severity.WARNING);
    }

    @Override
    public void run(LintContext context) {
        Set<String> recorded = context.rules().stream().filter(rule -> !rule.rule().isAlert())
                .map(rule -> rule.rule().name()).collect(Collectors.toSet());
        for (RuleEntry rule : context.rules()) {
            rule.expr().ifPresent(expr -> check(rule, expr, recorded, context));
        }
    }

    private void check(RuleEntry rule, Expr expr, Set<String> recorded, LintContext context) {
        ExprTree.nodes(expr).filter(VectorSelector.class::isInstance).map(VectorSelector.class::cast)
                .filter(selector -> selector.name().contains(":") && !recorded.contains(selector.name()))
                .forEach(selector -> context.report(this, rule.path(), rule.at(selector.span()),
                        selector.name() + " looks like a recorded metric but no recording rule here records it;"
                                + " add the recording rule or fix the name"));
    }
}
