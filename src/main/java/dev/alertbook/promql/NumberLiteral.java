package dev.alertbook.promql;

/** A number; {@code duration} says it was written as a duration ({@code 5m}), which printing keeps. */
public record NumberLiteral(double value, boolean duration, Span span) implements Expr {

    @Override
    public ValueType type() {
        return ValueType.SCALAR;
    }
}
