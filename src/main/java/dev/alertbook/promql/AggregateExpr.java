package dev.alertbook.promql;

import java.util.List;

/**
 * An aggregation such as {@code sum by (job) (x)}; {@code param} is null for aggregators
 * without a parameter.
 */
public record AggregateExpr(AggregateOp op, Expr param, Expr expr, List<String> grouping, boolean without, Span span)
        implements Expr {

    public AggregateExpr {
        grouping = List.copyOf(grouping);
    }

    @Override
    public ValueType type() {
        return ValueType.VECTOR;
    }
}
