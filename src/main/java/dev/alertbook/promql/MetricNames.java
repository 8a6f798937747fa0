package dev.alertbook.promql;

import java.util.Set;
import java.util.TreeSet;

/** The metric names an expression selects: written names and {@code __name__="…"} matchers. */
public final class MetricNames {

    private MetricNames() {
    }

    public static Set<String> of(Expr expr) {
        Set<String> names = new TreeSet<>();
        collect(expr, names);
        return names;
    }

    private static void collect(Expr expr, Set<String> names) {
        if (expr instanceof VectorSelector selector) {
            if (!selector.name().isEmpty()) {
                names.add(selector.name());
            }
            selector.matchers().stream()
                    .filter(m -> m.name().equals("__name__") && m.type() == Matcher.Type.EQUAL)
                    .forEach(m -> names.add(m.value()));
        } else if (expr instanceof MatrixSelector matrix) {
            collect(matrix.selector(), names);
        } else if (expr instanceof AggregateExpr aggregate) {
            if (aggregate.param() != null) {
                collect(aggregate.param(), names);
            }
            collect(aggregate.expr(), names);
        } else if (expr instanceof BinaryExpr binary) {
            collect(binary.lhs(), names);
            collect(binary.rhs(), names);
        } else if (expr instanceof Call call) {
            call.args().forEach(arg -> collect(arg, names));
        } else if (expr instanceof ParenExpr paren) {
            collect(paren.expr(), names);
        } else if (expr instanceof SubqueryExpr subquery) {
            collect(subquery.expr(), names);
        } else if (expr instanceof UnaryExpr unary) {
            collect(unary.expr(), names);
        }
    }
}
