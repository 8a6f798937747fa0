package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import dev.alertbook.promql.AggregateExpr;
import dev.alertbook.promql.AggregateOp;
import dev.alertbook.promql.BinaryExpr;
import dev.alertbook.promql.BinaryOp;
import dev.alertbook.promql.Expr;
import dev.alertbook.promql.NumberLiteral;
import java.util.Optional;

/**
 * {@code promql/impossible-comparison}: a filtering comparison that no sample can pass, so the
 * rule never returns anything: {@code x > +Inf}, {@code absent(x) > 1}
 * ({@code absent} returns 1 or nothing), {@code count(x) == 0} ({@code count} of nothing is
 * nothing, not 0). Each side's possible values are an interval; the comparison against a number
 * is impossible when no value in the interval passes it. Comparisons with NaN are
 * {@code promql/nan-comparison}'s.
 */
final class ImpossibleComparison extends CheckBase implements ExprCheck {

    /** The values one side can take. */
    private record Range(double low, double high, String why) {
        static final Range ANY = new Range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                "a sample value is at most +Inf and at least -Inf");
    }

    ImpossibleComparison() {
        super("promql/impossible-comparison", Severity.WARNING);
    }

    @Override
    public void check(RuleEntry rule, Expr expr, LintContext context) {
        ExprTree.nodes(expr).filter(BinaryExpr.class::isInstance).map(BinaryExpr.class::cast)
                .filter(binary -> binary.op().isComparison() && !binary.returnBool())
                .filter(binary -> !NanComparison.isNan(binary.lhs()) && !NanComparison.isNan(binary.rhs()))
                .forEach(binary -> impossible(binary).ifPresent(why -> context.report(this, rule.path(),
                        rule.at(binary.span()), "`" + rule.text(binary.span()).strip() + "` can never be true (" + why
                                + "), so the rule never returns anything; fix the comparison")));
    }

    private static Optional<String> impossible(BinaryExpr binary) {
        Expr lhs = ExprTree.unwrap(binary.lhs());
        Expr rhs = ExprTree.unwrap(binary.rhs());
        if (rhs instanceof NumberLiteral number && !(lhs instanceof NumberLiteral)) {
            return check(range(lhs), binary.op(), number.value());
        }
        if (lhs instanceof NumberLiteral number && !(rhs instanceof NumberLiteral)) {
            return check(range(rhs), ExprTree.mirrored(binary.op()), number.value());
        }
        return Optional.empty();
    }

    private static Range range(Expr side) {
        if (ExprTree.calls(side, "absent", "absent_over_time")) {
            return new Range(1, 1, "absent() returns 1 or nothing");
        }
        if (side instanceof AggregateExpr aggregate && aggregate.op() == AggregateOp.COUNT || ExprTree.calls(side, "count_over_time")) {
            return new Range(1, Double.POSITIVE_INFINITY, "a count is at least 1; counting nothing gives nothing, not 0");
        }
        return Range.ANY;
    }

    /** Empty when some value in {@code range} passes {@code value op number}, else why none does. */
    private static Optional<String> check(Range range, BinaryOp op, double number) {
        boolean possible = switch (op) {
            case EQL -> range.low() <= number && number <= range.high();
            case NEQ -> range.low() != number || range.high() != number;
            case GTR -> range.high() > number;
            case GTE -> range.high() >= number;
            case LSS -> range.low() < number;
            case LTE -> range.low() <= number;
            default -> true;
        };
        return possible ? Optional.empty() : Optional.of(range.why());
    }
}
