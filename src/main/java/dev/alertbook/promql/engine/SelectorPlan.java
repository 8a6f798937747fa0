package dev.alertbook.promql.engine;

import dev.alertbook.promql.AggregateExpr;
import dev.alertbook.promql.At;
import dev.alertbook.promql.BinaryExpr;
import dev.alertbook.promql.BinaryOp;
import dev.alertbook.promql.Call;
import dev.alertbook.promql.Expr;
import dev.alertbook.promql.MatrixSelector;
import dev.alertbook.promql.Modifiers;
import dev.alertbook.promql.ParenExpr;
import dev.alertbook.promql.SubqueryExpr;
import dev.alertbook.promql.UnaryExpr;
import dev.alertbook.promql.VectorSelector;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Set;

/**
 * What Prometheus decides about a query's selectors before evaluating it: which read only the
 * count and sum of histograms (those under {@code histogram_count}, {@code _sum} or {@code _avg}
 * with no subquery, bucket function or trim in between), and the earliest time any selector reads,
 * from which its storage iterates every series.
 */
final class SelectorPlan {

    /** Converts a duration as the evaluator does (literal nanoseconds or a duration expression) to milliseconds. */
    @FunctionalInterface
    interface Millis {

        long of(long nanos, dev.alertbook.promql.DurationExpr expr);
    }

    private final Set<VectorSelector> statsOnly = Collections.newSetFromMap(new IdentityHashMap<>());
    private final QueryTimes times;
    private final long lookback;
    private final Millis millis;
    private long earliestRead = Long.MAX_VALUE;

    private SelectorPlan(QueryTimes times, long lookback, Millis millis) {
        this.times = times;
        this.lookback = lookback;
        this.millis = millis;
    }

    static SelectorPlan of(Expr query, QueryTimes times, long lookback, Millis millis) {
        SelectorPlan plan = new SelectorPlan(times, lookback, millis);
        plan.walk(query, new ArrayDeque<>(), 0);
        return plan;
    }

    boolean readsStatsOnly(VectorSelector selector) {
        return statsOnly.contains(selector);
    }

    /** The earliest sample time any selector of the query reads, Prometheus's {@code FindMinMaxTime}. */
    long earliestRead() {
        return earliestRead;
    }

    /** Visits the tree with the path of ancestors, innermost first; {@code range} is the enclosing matrix selector's. */
    private void walk(Expr e, Deque<Expr> path, long range) {
        if (e instanceof VectorSelector selector) {
            if (decodesStatsOnly(path)) {
                statsOnly.add(selector);
            }
            earliestRead = Math.min(earliestRead, start(selector, path, range));
            return;
        }
        path.push(e);
        if (e instanceof ParenExpr paren) {
            walk(paren.expr(), path, 0);
        } else if (e instanceof UnaryExpr unary) {
            walk(unary.expr(), path, 0);
        } else if (e instanceof BinaryExpr binaryExpr) {
            walk(binaryExpr.lhs(), path, 0);
            walk(binaryExpr.rhs(), path, 0);
        } else if (e instanceof AggregateExpr aggregate) {
            if (aggregate.param() != null) {
                walk(aggregate.param(), path, 0);
            }
            walk(aggregate.expr(), path, 0);
        } else if (e instanceof Call call) {
            call.args().forEach(arg -> walk(arg, path, 0));
        } else if (e instanceof MatrixSelector matrix) {
            walk(matrix.selector(), path, millis.of(matrix.rangeNanos(), matrix.rangeExpr()));
        } else if (e instanceof SubqueryExpr subquery) {
            walk(subquery.expr(), path, 0);
        }
        path.pop();
    }

    private static boolean decodesStatsOnly(Deque<Expr> path) {
        boolean statsOnly = false;
        for (Expr ancestor : path) {
            if (ancestor instanceof SubqueryExpr) {
                return false;
            }
            if (ancestor instanceof Call call) {
                switch (call.function().name()) {
                    case "histogram_count", "histogram_sum", "histogram_avg" -> statsOnly = true;
                    case "histogram_quantile", "histogram_quantiles", "histogram_fraction" -> {
                        return false;
                    }
                    default -> {
                    }
                }
            }
            if (ancestor instanceof BinaryExpr binaryExpr
                    && (binaryExpr.op() == BinaryOp.TRIM_UPPER || binaryExpr.op() == BinaryOp.TRIM_LOWER)) {
                return false;
            }
        }
        return statsOnly;
    }

    /** The first time a selector reads, as Prometheus's {@code getTimeRangesForSelector} computes it. */
    private long start(VectorSelector selector, Deque<Expr> path, long range) {
        long start = times.start();
        long subqueryOffset = 0;
        long subqueryRange = 0;
        Long subqueryAt = null;
        for (Iterator<Expr> outermostFirst = path.descendingIterator(); outermostFirst.hasNext();) {
            if (outermostFirst.next() instanceof SubqueryExpr subquery) {
                long offset = millis.of(subquery.modifiers().offsetNanos(), subquery.modifiers().offsetExpr());
                long subRange = millis.of(subquery.rangeNanos(), subquery.rangeExpr());
                subqueryOffset += offset;
                subqueryRange += subRange;
                if (subquery.modifiers().at() != null) {
                    subqueryOffset = offset;
                    subqueryRange = subRange;
                    subqueryAt = at(subquery.modifiers().at());
                }
            }
        }
        if (subqueryAt != null) {
            start = subqueryAt;
        }
        Modifiers modifiers = selector.modifiers();
        if (modifiers.at() != null) {
            start = at(modifiers.at());
        } else {
            start -= subqueryOffset + subqueryRange;
        }
        if (range == 0) {
            start -= lookback - 1;
        } else if (modifiers.anchored() || modifiers.smoothed()) {
            start -= lookback + range - 1;
        } else {
            start -= range - 1;
        }
        return start - millis.of(modifiers.offsetNanos(), modifiers.offsetExpr());
    }

    private long at(At at) {
        return switch (at.kind()) {
            case START -> times.start();
            case END -> times.end();
            case TIMESTAMP -> at.millis();
        };
    }
}
