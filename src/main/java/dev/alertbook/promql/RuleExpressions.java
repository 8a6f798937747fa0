package dev.alertbook.promql;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.rules.Rule;
import dev.alertbook.rules.RuleFile;
import dev.alertbook.source.Position;
import dev.alertbook.source.ScalarPositions;
import dev.alertbook.source.SourceFile;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the {@code expr} of every rule as Prometheus parses it, and reports each invalid one at
 * the exact place in the YAML file, inside quoted and block scalars too.
 *
 * <ul>
 *   <li>{@link #SYNTAX} error: the expression does not parse</li>
 *   <li>{@link #TYPE} error: it parses but Prometheus's type checks reject it</li>
 * </ul>
 */
public final class RuleExpressions {

    public static final String SYNTAX = "promql/syntax";
    public static final String TYPE = "promql/type";

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
            diagnostics.error(syntax ? SYNTAX : TYPE, source.path(), at,
                    "could not parse expression: " + result.errorText() + "; " + fix);
        });
        return result;
    }

    /** Where character {@code offset} of the rule's expression stands in the file. */
    static Position position(SourceFile source, Rule rule, int offset) {
        return rule.exprPosition().isKnown()
                ? ScalarPositions.position(source, rule.exprPosition(), rule.expr(), offset)
                : rule.position();
    }
}
