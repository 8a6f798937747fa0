package dev.alertbook.promql.engine;

/**
 * Prometheus's stale marker: a NaN with its own bit pattern, written when a series disappears, so
 * that lookback stops at it instead of returning the last value for five more minutes.
 */
public final class StaleMarker {

    public static final long BITS = 0x7ff0000000000002L;
    public static final double VALUE = Double.longBitsToDouble(BITS);

    private StaleMarker() {
    }

    public static boolean is(double value) {
        return Double.doubleToRawLongBits(value) == BITS;
    }
}
