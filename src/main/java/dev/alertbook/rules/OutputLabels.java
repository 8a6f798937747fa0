package dev.alertbook.rules;

import dev.alertbook.promql.LabelInference;
import dev.alertbook.promql.ParseOptions;
import dev.alertbook.promql.ParseResult;
import dev.alertbook.promql.ResultLabels;
import java.util.Map;

/**
 * The label names the results of a rule's expression can carry, which are the labels its alerts'
 * templates see: after {@code sum by (job)} only {@code job}; after {@code count(…)} none; after a
 * plain selector any label. See {@link #inferred(Expressions, ParseOptions)}.
 */
@FunctionalInterface
public interface OutputLabels {

    OutputLabels UNKNOWN = rule -> ResultLabels.ANY;

    /**
     * What the PromQL parse tree of each rule's expression tells, for {@code template/label-missing}
     * and for the runbook page's examples. An expression that does not parse (reported elsewhere)
     * could have any label.
     */
    static OutputLabels inferred(Expressions expressions, ParseOptions options) {
        return rule -> labelsOf(expressions.of(rule, options));
    }

    /** The same from expressions parsed before; a rule without one could have any label. */
    static OutputLabels inferred(Map<Rule, ParseResult> parsed) {
        return rule -> parsed.containsKey(rule) ? labelsOf(parsed.get(rule)) : ResultLabels.ANY;
    }

    private static ResultLabels labelsOf(ParseResult parsed) {
        return parsed.isValid() ? LabelInference.of(parsed.tree()) : ResultLabels.ANY;
    }

    ResultLabels of(Rule rule);
}
