package dev.alertbook.promql;

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
}
