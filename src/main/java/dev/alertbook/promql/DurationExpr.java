package dev.alertbook.promql;

/**
 * Arithmetic on durations inside {@code [...]} or after {@code offset} (experimental). Operands
 * are {@link NumberLiteral}s or other duration expressions; {@code lhs} is null for unary
 * operators, {@code step()} and {@code range()}. {@code wrapped} records written parentheses.
 */
public record DurationExpr(Op op, Expr lhs, Expr rhs, boolean wrapped, Span span) implements Expr {

    public enum Op {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"), POW("^"), STEP("step"), RANGE("range"),
        MIN_OF("min_of"), MAX_OF("max_of");

        final String text;

        Op(String text) {
            this.text = text;
        }
    }

    @Override
    public ValueType type() {
        return ValueType.SCALAR;
    }

    DurationExpr wrap(Span newSpan) {
        return new DurationExpr(op, lhs, rhs, true, newSpan);
    }
}
