package dev.alertbook.promql;

import java.util.List;

/**
 * How a binary operation matches series: {@code on}/{@code ignoring} labels, the cardinality from
 * {@code group_left}/{@code group_right} and its extra labels, and {@code fill} values (null when absent).
 */
public record VectorMatching(Cardinality card, List<String> matchingLabels, boolean on, List<String> include,
        Double fillLeft, Double fillRight) {

    public enum Cardinality { ONE_TO_ONE, MANY_TO_ONE, ONE_TO_MANY, MANY_TO_MANY }

    public VectorMatching {
        matchingLabels = List.copyOf(matchingLabels);
        include = List.copyOf(include);
    }

    static final VectorMatching DEFAULT = new VectorMatching(Cardinality.ONE_TO_ONE, List.of(), false, List.of(), null, null);

    boolean hasFill() {
        return fillLeft != null || fillRight != null;
    }
}
