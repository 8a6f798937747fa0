package dev.alertbook.template;

import dev.alertbook.rules.Rule;
import java.util.Optional;
import java.util.Set;

/**
 * The label names the results of a rule's expression can carry: after {@code sum by (job)} only
 * {@code job}; after {@code count(…)} none. Empty when that is not known, which includes every
 * expression that keeps the labels of the series it selects, since those labels are open-ended.
 * The PromQL package will implement this from its parse tree; until then {@link #UNKNOWN} is used.
 */
@FunctionalInterface
public interface OutputLabels {

    OutputLabels UNKNOWN = rule -> Optional.empty();

    Optional<Set<String>> of(Rule rule);
}
