package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import dev.alertbook.promql.AggregateExpr;
import dev.alertbook.promql.AggregateOp;
import dev.alertbook.promql.BinaryExpr;
import dev.alertbook.promql.Expr;
import dev.alertbook.promql.Matcher;
import dev.alertbook.promql.NumberLiteral;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * {@code promql/histogram-without-le}: {@code sum} of a {@code rate} of a histogram's
 * {@code _bucket} series that drops the {@code le} label. The buckets are cumulative, so adding
 * them up across {@code le} gives a meaningless number and {@code histogram_quantile} gets nothing
 * to work with. Summing buckets the selector picks by {@code le} ({@code le="+Inf"}, a request
 * count, or {@code le=~"1(\\.0)?"}, an SLO's fast requests) is fine, and so is a sum only compared
 * with 0 ({@code sum(rate(x_bucket[5m])) > 0}), a guard that there is traffic.
 */
final class HistogramSumWithoutLe extends CheckBase implements ExprCheck {

    HistogramSumWithoutLe() {
        super("promql/histogram-without-le", Severity.WARNING);
    }

    @Override
    public void check(RuleEntry rule, Expr expr, LintContext context) {
        Set<Expr> guards = Collections.newSetFromMap(new IdentityHashMap<>());
        ExprTree.nodes(expr).filter(BinaryExpr.class::isInstance).map(BinaryExpr.class::cast)
                .filter(binary -> binary.op().isComparison() && ExprTree.unwrap(binary.rhs()) instanceof NumberLiteral zero
                        && zero.value() == 0)
                .forEach(binary -> guards.add(ExprTree.unwrap(binary.lhs())));
        ExprTree.nodes(expr).filter(AggregateExpr.class::isInstance).map(AggregateExpr.class::cast)
                .filter(sum -> sum.op() == AggregateOp.SUM && dropsLe(sum) && !guards.contains(sum))
                .forEach(sum -> Counters.rangeOf(ExprTree.unwrap(sum.expr()))
                        .filter(matrix -> Counters.metric(matrix).filter(name -> name.endsWith("_bucket")).isPresent())
                        .filter(matrix -> matrix.selector().matchers().stream().noneMatch(HistogramSumWithoutLe::picksBuckets))
                        .ifPresent(matrix -> context.report(this, rule.path(), rule.at(sum.span()),
                                "this sum of histogram buckets drops the le label, so the buckets are added together;"
                                        + " keep it: sum by (le, …) or sum without (…) without le")));
    }

    /**
     * {@code le="1"} or {@code le=~"1(\\.0)?"}: the selector picks its buckets, so the sum adds up
     * one bucket across series (the requests faster than one second, an SLO's good events), not the
     * buckets of one histogram. Negative matchers such as {@code le!="+Inf"} still leave many.
     */
    private static boolean picksBuckets(Matcher matcher) {
        return matcher.name().equals("le") && (matcher.type() == Matcher.Type.EQUAL || matcher.type() == Matcher.Type.REGEX);
    }

    private static boolean dropsLe(AggregateExpr sum) {
        return sum.without() == sum.grouping().contains("le");
    }
}
