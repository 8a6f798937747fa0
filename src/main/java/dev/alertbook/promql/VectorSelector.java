package dev.alertbook.promql;

import java.util.List;

/**
 * An instant vector selector. As in Prometheus, a written metric name is also the last matcher
 * ({@code __name__="name"}); {@code name} is empty when none was written before the braces.
 */
public record VectorSelector(String name, List<Matcher> matchers, Modifiers modifiers, Span span) implements Expr {

    public VectorSelector {
        matchers = List.copyOf(matchers);
    }

    @Override
    public ValueType type() {
        return ValueType.VECTOR;
    }

    VectorSelector with(Modifiers newModifiers, Span newSpan) {
        return new VectorSelector(name, matchers, newModifiers, newSpan);
    }
}
