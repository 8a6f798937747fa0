package dev.alertbook.promql;

import java.util.List;

/** A function call. */
public record Call(Function function, List<Expr> args, Span span) implements Expr {

    public Call {
        args = List.copyOf(args);
    }

    @Override
    public ValueType type() {
        return function.returnType();
    }
}
