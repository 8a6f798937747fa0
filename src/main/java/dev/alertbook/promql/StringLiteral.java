package dev.alertbook.promql;

/** A string, already unquoted. */
public record StringLiteral(String value, Span span) implements Expr {

    @Override
    public ValueType type() {
        return ValueType.STRING;
    }
}
