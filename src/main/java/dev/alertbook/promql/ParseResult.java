package dev.alertbook.promql;

import java.util.Optional;

/** The outcome of parsing and checking one query: the tree, or the first error as Prometheus reports it. */
public record ParseResult(String query, Optional<Expr> expr, Optional<PromqlError> error) {

    static ParseResult valid(String query, Expr expr) {
        return new ParseResult(query, Optional.of(expr), Optional.empty());
    }

    static ParseResult failed(String query, PromqlError error) {
        return new ParseResult(query, Optional.empty(), Optional.of(error));
    }

    public boolean isValid() {
        return expr.isPresent();
    }

    /** The tree of a valid query; fails for an invalid one. */
    public Expr tree() {
        return expr.orElseThrow(() -> new IllegalStateException("invalid query: " + errorText()));
    }

    /** Prometheus's error text for an invalid query ({@code 1:3: parse error: …}), empty for a valid one. */
    public String errorText() {
        return error.map(e -> e.format(query)).orElse("");
    }
}
