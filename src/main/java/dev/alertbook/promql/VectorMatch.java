package dev.alertbook.promql;

import java.util.List;

/**
 * The labels of an arithmetic or comparison operation between two vectors, as Prometheus's
 * {@code VectorBinop} and {@code resultMetric} build them: each result starts from the sample on
 * the "many" side (the left, or the right for {@code group_right}); one-to-one matching then keeps
 * only the {@code on} labels or deletes the {@code ignoring} ones; {@code group_x} labels are
 * copied from the "one" side, and deleted where that side lacks them.
 */
final class VectorMatch {

    private VectorMatch() {
    }

    static ResultLabels result(ResultLabels lhs, ResultLabels rhs, VectorMatching matching, boolean dropsName) {
        boolean rightIsMany = matching.card() == VectorMatching.Cardinality.ONE_TO_MANY;
        ResultLabels many = rightIsMany ? rhs : lhs;
        ResultLabels one = rightIsMany ? lhs : rhs;
        if (matching.hasFill()) {
            // A missing sample on either side is made up from the other side's matching labels.
            ResultLabels filledMany = many.or(matchLabels(one, matching));
            one = one.or(matchLabels(many, matching));
            many = filledMany;
        }
        ResultLabels result = dropsName ? many.without(ResultLabels.METRIC_NAME) : many;
        if (matching.card() == VectorMatching.Cardinality.ONE_TO_ONE) {
            result = matching.on() ? result.keepOnly(matching.matchingLabels()) : result.without(matching.matchingLabels());
        }
        for (String label : matching.include()) {
            result = one.canHave(label) ? result.with(label) : result.without(label);
        }
        return result;
    }

    /** Go's {@code Labels.MatchLabels}: the {@code on} labels, or all but the {@code ignoring} ones and the name. */
    private static ResultLabels matchLabels(ResultLabels labels, VectorMatching matching) {
        List<String> names = matching.matchingLabels();
        return matching.on() ? labels.keepOnly(names) : labels.without(names).without(ResultLabels.METRIC_NAME);
    }
}
