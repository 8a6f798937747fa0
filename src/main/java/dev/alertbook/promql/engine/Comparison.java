package dev.alertbook.promql.engine;

/** Go's {@code almost.Equal}: NaN equals NaN, stale markers only each other, else a relative tolerance. */
public final class Comparison {

    private static final double MIN_NORMAL = 2.2250738585072014e-308;

    private Comparison() {
    }

    public static boolean almostEqual(double a, double b, double epsilon) {
        if (StaleMarker.is(a) || StaleMarker.is(b)) {
            return StaleMarker.is(a) && StaleMarker.is(b);
        }
        if (Double.isNaN(a) && Double.isNaN(b)) {
            return true;
        }
        if (a == b) {
            return true;
        }
        double diff = Math.abs(a - b);
        if (a == 0 || b == 0 || Math.abs(a) + Math.abs(b) < MIN_NORMAL) {
            return diff < epsilon * MIN_NORMAL;
        }
        return diff / Math.min(Math.abs(a) + Math.abs(b), Double.MAX_VALUE) < epsilon;
    }
}
