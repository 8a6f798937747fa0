package dev.alertbook.promqltest;

import dev.alertbook.promql.AggregateExpr;
import dev.alertbook.promql.BinaryExpr;
import dev.alertbook.promql.Call;
import dev.alertbook.promql.Expr;
import dev.alertbook.promql.MatrixSelector;
import dev.alertbook.promql.Modifiers;
import dev.alertbook.promql.ParenExpr;
import dev.alertbook.promql.SubqueryExpr;
import dev.alertbook.promql.UnaryExpr;
import dev.alertbook.promql.VectorSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Which evals are out of scope: those that need native histograms or an experimental feature.
 * The answer names the feature, so the report says why each skip is one.
 */
final class Features {

    private Features() {
    }

    /**
     * Why the eval must be skipped, if it must: {@code histograms} tells whether a selector selects
     * the native histograms that {@code load_with_nhcb} converts classic buckets to (an eval that
     * reaches loaded histogram samples is skipped by the runner, when the engine says so),
     * {@code startTimestampMetrics} are the names with {@code @st} lines.
     */
    static Optional<String> skipReason(Command.Eval eval, Expr expr, Predicate<VectorSelector> histograms,
            Set<String> startTimestampMetrics) {
        if (eval.expect().series.stream().anyMatch(SeriesLine::histogram)) {
            return Optional.of("native histograms: expects histogram samples");
        }
        List<String> reasons = new ArrayList<>();
        walk(expr, e -> reasons.addAll(reasons(e, histograms, startTimestampMetrics)));
        return reasons.stream().findFirst();
    }

    private static List<String> reasons(Expr e, Predicate<VectorSelector> histograms, Set<String> startTimestampMetrics) {
        List<String> out = new ArrayList<>();
        if (e instanceof Call call) {
            String name = call.function().name();
            if (call.function().experimental()) {
                out.add("experimental: function " + name + "() (promql-experimental-functions)");
            }
        } else if (e instanceof AggregateExpr aggregate && aggregate.op().experimental()) {
            out.add("experimental: aggregation " + aggregate.op().text() + " (promql-experimental-functions)");
        } else if (e instanceof BinaryExpr binary && binary.matching() != null
                && (binary.matching().fillLeft() != null || binary.matching().fillRight() != null)) {
            out.add("experimental: fill modifiers (promql-binop-fill-modifiers)");
        } else if (e instanceof BinaryExpr binary && (binary.op().text().equals("</") || binary.op().text().equals(">/"))) {
            out.add("native histograms: trim operator " + binary.op().text());
        } else if (e instanceof VectorSelector selector) {
            out.addAll(modifierReasons(selector.modifiers()));
            String name = selector.name();
            if (histograms.test(selector)) {
                out.add("native histograms: " + (name.isEmpty() ? "the selector" : name) + " selects native histograms");
            }
            if (startTimestampMetrics.contains(name)) {
                out.add("experimental: start timestamps of " + name + " (use-start-timestamps)");
            }
        } else if (e instanceof SubqueryExpr subquery) {
            out.addAll(modifierReasons(subquery.modifiers()));
        }
        return out;
    }

    private static List<String> modifierReasons(Modifiers modifiers) {
        if (modifiers.anchored() || modifiers.smoothed()) {
            return List.of("experimental: " + (modifiers.anchored() ? "anchored" : "smoothed")
                    + " range selector (promql-extended-range-selectors)");
        }
        return List.of();
    }

    /** Visits every node of the tree. */
    static void walk(Expr e, Consumer<Expr> visit) {
        visit.accept(e);
        if (e instanceof ParenExpr paren) {
            walk(paren.expr(), visit);
        } else if (e instanceof UnaryExpr unary) {
            walk(unary.expr(), visit);
        } else if (e instanceof BinaryExpr binary) {
            walk(binary.lhs(), visit);
            walk(binary.rhs(), visit);
        } else if (e instanceof AggregateExpr aggregate) {
            if (aggregate.param() != null) {
                walk(aggregate.param(), visit);
            }
            walk(aggregate.expr(), visit);
        } else if (e instanceof Call call) {
            call.args().forEach(arg -> walk(arg, visit));
        } else if (e instanceof MatrixSelector matrix) {
            walk(matrix.selector(), visit);
        } else if (e instanceof SubqueryExpr subquery) {
            walk(subquery.expr(), visit);
        }
    }
}
