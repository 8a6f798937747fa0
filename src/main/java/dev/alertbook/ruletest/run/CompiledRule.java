package dev.alertbook.ruletest.run;

import dev.alertbook.promql.Expr;
import dev.alertbook.rules.Rule;
import dev.alertbook.rules.RuleGroup;
import java.util.Map;

/**
 * A rule ready to evaluate: its parsed expression, its labels with the group's merged in, and the
 * durations that drive its state, in milliseconds.
 */
record CompiledRule(Rule rule, RuleGroup group, Expr expr, Map<String, String> labels, long forMillis,
        long keepFiringForMillis) {

    String name() {
        return rule.name();
    }
}
