package dev.alertbook.promql;

/**
 * Entry point of the PromQL front end: parses a query and type-checks it as Prometheus's
 * {@code ParseExpr} does. Never throws on bad input; the result carries the first error.
 */
public final class PromQL {

    private PromQL() {
    }

    /** Parses with the options Prometheus and promtool use by default. */
    public static ParseResult parse(String query) {
        return parse(query, ParseOptions.PROMETHEUS);
    }

    public static ParseResult parse(String query, ParseOptions options) {
        ParseResult parsed = Parser.parse(query, options);
        if (!parsed.isValid()) {
            return parsed;
        }
        return TypeChecker.check(parsed.tree(), query).map(error -> ParseResult.failed(query, error)).orElse(parsed);
    }
}
