package dev.alertbook.promql;

import java.util.List;

/**
 * The parser's feature switches, named after Prometheus's {@code parser.Options}. Each gates
 * experimental syntax, which otherwise fails with the same message Prometheus gives.
 *
 * @param experimentalFunctions  {@code --enable-feature=promql-experimental-functions}: experimental
 *                               functions, {@code limitk} and {@code limit_ratio}
 * @param durationExpressions    arithmetic in {@code [...]} and after {@code offset}
 * @param extendedRangeSelectors {@code anchored} and {@code smoothed}
 * @param binopFillModifiers     {@code fill()}, {@code fill_left()}, {@code fill_right()}
 */
public record ParseOptions(boolean experimentalFunctions, boolean durationExpressions, boolean extendedRangeSelectors,
        boolean binopFillModifiers) {

    /** What Prometheus 3.14 and promtool use without feature flags: only duration expressions are on. */
    public static final ParseOptions PROMETHEUS = new ParseOptions(false, true, false, false);

    /** Everything on, as Prometheus's own test engine (promqltest) runs. */
    public static final ParseOptions ALL = new ParseOptions(true, true, true, true);

    /** Everything off: the zero value of Prometheus's {@code parser.Options}. */
    public static final ParseOptions NONE = new ParseOptions(false, false, false, false);

    /** The names of Prometheus's {@code --enable-feature} flags that change what parses. */
    public static final List<String> FEATURES = List.of("promql-experimental-functions", "promql-duration-expr",
            "promql-extended-range-selectors", "promql-binop-fill-modifiers");

    /** These options with the feature Prometheus's flag {@code feature} (one of {@link #FEATURES}) turns on. */
    public ParseOptions with(String feature) {
        return switch (feature) {
            case "promql-experimental-functions" -> new ParseOptions(true, durationExpressions, extendedRangeSelectors,
                    binopFillModifiers);
            case "promql-duration-expr" -> new ParseOptions(experimentalFunctions, true, extendedRangeSelectors,
                    binopFillModifiers);
            case "promql-extended-range-selectors" -> new ParseOptions(experimentalFunctions, durationExpressions, true,
                    binopFillModifiers);
            case "promql-binop-fill-modifiers" -> new ParseOptions(experimentalFunctions, durationExpressions,
                    extendedRangeSelectors, true);
            default -> throw new IllegalArgumentException("not a PromQL feature: " + feature);
        };
    }
}
