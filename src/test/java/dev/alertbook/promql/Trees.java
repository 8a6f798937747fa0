package dev.alertbook.promql;

import java.util.Comparator;
import java.util.List;

/**
 * Trees compared as Prometheus's round trip compares them: without positions, matchers in printed
 * order, and numbers with Go's {@code ==}, for which -0 equals 0 ({@code -0s} prints as {@code 0s}).
 * Ranges, steps and offsets count in milliseconds, the precision Prometheus prints them with.
 */
final class Trees {

    private Trees() {
    }

    static Expr canonical(Expr expr) {
        if (expr == null) {
            return null;
        }
        Span none = Span.NONE;
        if (expr instanceof AggregateExpr a) {
            return new AggregateExpr(a.op(), canonical(a.param()), canonical(a.expr()), a.grouping(), a.without(), none);
        }
        if (expr instanceof BinaryExpr b) {
            // Prometheus drops the matching of an operation with a scalar side, and so does printing.
            boolean scalarSide = b.lhs().type() == ValueType.SCALAR || b.rhs().type() == ValueType.SCALAR;
            return new BinaryExpr(b.op(), canonical(b.lhs()), canonical(b.rhs()),
                    scalarSide ? VectorMatching.DEFAULT : b.matching(), b.returnBool(), none);
        }
        if (expr instanceof Call c) {
            return new Call(c.function(), c.args().stream().map(Trees::canonical).toList(), none);
        }
        if (expr instanceof ParenExpr p) {
            return new ParenExpr(canonical(p.expr()), none);
        }
        if (expr instanceof UnaryExpr u) {
            Expr operand = canonical(u.expr());
            return u.op() == BinaryOp.ADD && isInfinityPower(operand) ? operand : new UnaryExpr(u.op(), operand, none);
        }
        if (expr instanceof NumberLiteral n) {
            return new NumberLiteral(n.value() == 0 ? 0 : n.value(), n.duration(), none);
        }
        if (expr instanceof StringLiteral s) {
            return new StringLiteral(s.value(), none);
        }
        if (expr instanceof VectorSelector v) {
            return selector(v);
        }
        if (expr instanceof MatrixSelector m) {
            return new MatrixSelector(selector(m.selector()), millis(m.rangeNanos()), duration(m.rangeExpr()), none);
        }
        if (expr instanceof SubqueryExpr s) {
            return new SubqueryExpr(canonical(s.expr()), millis(s.rangeNanos()), duration(s.rangeExpr()), millis(s.stepNanos()),
                    duration(s.stepExpr()), modifiers(s.modifiers()), none);
        }
        return duration((DurationExpr) expr);
    }

    /**
     * {@code Inf ^ x}, which Prometheus prints as {@code +Inf ^ x} and its grammar reads back as
     * {@code +(Inf ^ x)}, since {@code ^} binds tighter than a sign; so a unary plus on it is dropped.
     */
    private static boolean isInfinityPower(Expr expr) {
        return expr instanceof BinaryExpr b && b.op() == BinaryOp.POW && b.lhs() instanceof NumberLiteral n
                && n.value() == Double.POSITIVE_INFINITY;
    }

    private static VectorSelector selector(VectorSelector v) {
        List<Matcher> sorted = v.matchers().stream()
                .sorted(Comparator.comparing(Matcher::name).thenComparing(Matcher::type).thenComparing(Matcher::value)).toList();
        return new VectorSelector(v.name(), sorted, modifiers(v.modifiers()), Span.NONE);
    }

    private static Modifiers modifiers(Modifiers m) {
        return new Modifiers(millis(m.offsetNanos()), duration(m.offsetExpr()), m.at(), m.anchored(), m.smoothed());
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000L;
    }

    private static DurationExpr duration(DurationExpr d) {
        if (d == null) {
            return null;
        }
        return new DurationExpr(d.op(), canonical(d.lhs()), canonical(d.rhs()), d.wrapped(), Span.NONE);
    }
}
