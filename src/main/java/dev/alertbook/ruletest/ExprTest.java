package dev.alertbook.ruletest;

import dev.alertbook.source.Position;
import java.util.List;
import java.util.Optional;

/** One {@code promql_expr_test} item: an instant query at exactly {@code start + evalMillis}. */
public record ExprTest(String expr, long evalMillis, List<ExpectedSample> expected, Position at) {

    /** One {@code exp_samples} item; {@code labels} is parsed when the test runs, as promtool does. */
    public record ExpectedSample(String labels, double value, Optional<String> histogram) {
    }
}
