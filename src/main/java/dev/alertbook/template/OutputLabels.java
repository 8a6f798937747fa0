package dev.alertbook.template;

import dev.alertbook.rules.Rule;
import java.util.Optional;
import java.util.Set;

/**
 * The label names the results of a rule's expression can carry: after {@code sum by (job)} only
 * {@code job}; after {@code count(…)} none. Empty when that is not known, which includes every
 * expression that keeps the labels of the series it selects, since those labels are open-ended.
 * The PromQL package will implement this from its parse tree; see {@link #inferred()}.
 */
@FunctionalInterface
public interface OutputLabels {

    OutputLabels UNKNOWN = rule -> Optional.empty();

    /**
     * What alertbook knows about every rule's output labels: the one place that will switch to the
     * PromQL parser's inference when it lands. Until then nothing is known, so
     * {@code template/label-missing} stays silent and examples use the labels templates read.
     */
    static OutputLabels inferred() {
        return UNKNOWN;
    }

    Optional<Set<String>> of(Rule rule);
}
