package dev.alertbook.rules;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.promql.ParseOptions;
import dev.alertbook.promql.ParseResult;
import dev.alertbook.promql.PromQL;
import dev.alertbook.promql.PromqlError;
import dev.alertbook.promql.ValueType;
import dev.alertbook.source.Position;
import dev.alertbook.source.ScalarPositions;
import dev.alertbook.source.SourceFile;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the {@code expr} of every rule as Prometheus parses it, and reports each invalid one at
 * the exact place in the YAML file, inside quoted and block scalars too: a syntax error, a type
 * error, or a range vector or string, which promtool accepts but the rule manager fails at every
 * evaluation ({@code rule result is not a vector or scalar}).
 */
public final class RuleExpressions {

    private RuleExpressions() {
    }

    /**
     * Checks every rule of {@code files} and returns each parse by rule (by identity), for the
     * checks that read the expressions next.
     */
    public static Map<Rule, ParseResult> check(List<RuleFile> files, ParseOptions options, Diagnostics diagnostics) {
        Map<Rule, ParseResult> parsed = new IdentityHashMap<>();
        for (RuleFile file : files) {
            file.rules().filter(rule -> !rule.expr().isEmpty())
                    .forEach(rule -> parsed.put(rule, check(file.source(), rule, options, diagnostics)));
        }
        return parsed;
    }

    private static ParseResult check(SourceFile source, Rule rule, ParseOptions options, Diagnostics diagnostics) {
        ParseResult result = PromQL.parse(rule.expr(), options);
        result.error().ifPresent(error -> {
            Position at = position(source, rule, error.offset());
            boolean syntax = error.kind() == PromqlError.Kind.SYNTAX;
            String fix = error.feature() != null
                    ? "turn the feature on with promqlFeatures: [" + error.feature() + "] in alertbook.yml, as Prometheus's "
                            + "--enable-feature=" + error.feature() + " does, or rewrite the expression without it"
                    : syntax ? "fix the PromQL syntax" : "fix the operand, argument or modifier the message names";
            diagnostics.error(syntax ? "promql/syntax" : "promql/type", source.path(), at,
                    "could not parse expression: " + result.errorText() + "; " + fix);
        });
        result.expr().filter(expr -> expr.type() == ValueType.MATRIX || expr.type() == ValueType.STRING).ifPresent(expr ->
                diagnostics.error("promql/result-type", source.path(), position(source, rule, 0),
                        "rule result is not a vector or scalar: the expression is a " + expr.type().documented()
                                + ", so Prometheus fails every evaluation of this rule; " + (expr.type() == ValueType.MATRIX
                                ? "reduce the range with a function such as rate() or max_over_time()"
                                : "a rule must return numbers, such as vector(1)")));
        return result;
    }

    /** Where character {@code offset} of the rule's expression stands in the file. */
    static Position position(SourceFile source, Rule rule, int offset) {
        return rule.exprPosition().isKnown()
                ? ScalarPositions.position(source, rule.exprPosition(), rule.expr(), offset)
                : rule.position();
    }
}
