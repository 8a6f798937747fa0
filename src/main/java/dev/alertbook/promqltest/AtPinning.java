package dev.alertbook.promqltest;

import dev.alertbook.promql.AggregateExpr;
import dev.alertbook.promql.At;
import dev.alertbook.promql.BinaryExpr;
import dev.alertbook.promql.Call;
import dev.alertbook.promql.Expr;
import dev.alertbook.promql.MatrixSelector;
import dev.alertbook.promql.Modifiers;
import dev.alertbook.promql.ParenExpr;
import dev.alertbook.promql.Printer;
import dev.alertbook.promql.SubqueryExpr;
import dev.alertbook.promql.UnaryExpr;
import dev.alertbook.promql.VectorSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The @-modifier check of Prometheus's runner: every selector and subquery without an {@code @}
 * gets {@code @ T} (selectors inside a subquery are left to the subquery's), and the query, printed
 * again, must give the same result at other evaluation times. Queries calling a function whose
 * result depends on the evaluation time itself are not checked.
 */
final class AtPinning {

    /** Prometheus's {@code AtModifierUnsafeFunctions}. */
    private static final Set<String> UNSAFE = Set.of("days_in_month", "day_of_month", "day_of_week", "day_of_year", "end",
            "hour", "minute", "month", "year", "predict_linear", "range", "start", "step", "time", "timestamp");

    private AtPinning() {
    }

    /** The query with {@code @ time} pinned on, printed; empty when it calls a time-dependent function. */
    static Optional<String> pinned(Expr query, long time) {
        boolean[] unsafe = {false};
        Expr pinned = pin(query, new At(At.Kind.TIMESTAMP, time), unsafe);
        return unsafe[0] ? Optional.empty() : Optional.of(Printer.print(pinned));
    }

    /** The times Prometheus evaluates the pinned query at: around {@code time} in milliseconds, or ±1 s around 0. */
    static List<Long> evaluationTimes(long time) {
        return time == 0 ? List.of(-1000L, 0L, 1000L) : List.of(-10 * time, 0L, time / 5, time, 10 * time);
    }

    private static Modifiers withAt(Modifiers m, At at) {
        return m.at() != null ? m : new Modifiers(m.offsetNanos(), m.offsetExpr(), at, m.anchored(), m.smoothed());
    }

    private static Expr pin(Expr e, At at, boolean[] unsafe) {
        if (e instanceof VectorSelector s) {
            return new VectorSelector(s.name(), s.matchers(), withAt(s.modifiers(), at), s.span());
        }
        if (e instanceof MatrixSelector m) {
            return new MatrixSelector((VectorSelector) pin(m.selector(), at, unsafe), m.rangeNanos(), m.rangeExpr(), m.span());
        }
        if (e instanceof SubqueryExpr q) {
            // The subquery takes the @ and what it holds is left alone, as Prometheus's runner
            // does: it does not look inside for time-dependent functions either.
            return new SubqueryExpr(q.expr(), q.rangeNanos(), q.rangeExpr(), q.stepNanos(), q.stepExpr(),
                    withAt(q.modifiers(), at), q.span());
        }
        if (e instanceof ParenExpr p) {
            return new ParenExpr(pin(p.expr(), at, unsafe), p.span());
        }
        if (e instanceof UnaryExpr u) {
            return new UnaryExpr(u.op(), pin(u.expr(), at, unsafe), u.span());
        }
        if (e instanceof BinaryExpr b) {
            return new BinaryExpr(b.op(), pin(b.lhs(), at, unsafe), pin(b.rhs(), at, unsafe), b.matching(), b.returnBool(),
                    b.span());
        }
        if (e instanceof AggregateExpr a) {
            return new AggregateExpr(a.op(), a.param() == null ? null : pin(a.param(), at, unsafe), pin(a.expr(), at, unsafe),
                    a.grouping(), a.without(), a.span());
        }
        if (e instanceof Call c) {
            unsafe[0] |= UNSAFE.contains(c.function().name());
            List<Expr> args = new ArrayList<>(c.args().size());
            c.args().forEach(arg -> args.add(pin(arg, at, unsafe)));
            return new Call(c.function(), args, c.span());
        }
        return e;
    }
}
