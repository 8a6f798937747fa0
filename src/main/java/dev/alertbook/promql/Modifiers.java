package dev.alertbook.promql;

/**
 * The time modifiers of a selector or subquery: the offset as nanoseconds or as a duration
 * expression (null when it is a plain literal), the {@code @} modifier (null when absent), and
 * the experimental {@code anchored}/{@code smoothed} flags.
 */
public record Modifiers(long offsetNanos, DurationExpr offsetExpr, At at, boolean anchored, boolean smoothed) {

    public static final Modifiers NONE = new Modifiers(0, null, null, false, false);

    boolean hasOffset() {
        return offsetNanos != 0 || offsetExpr != null;
    }

    Modifiers withOffset(long nanos, DurationExpr expr) {
        return new Modifiers(nanos, expr, at, anchored, smoothed);
    }

    Modifiers withAt(At newAt) {
        return new Modifiers(offsetNanos, offsetExpr, newAt, anchored, smoothed);
    }

    Modifiers withAnchored() {
        return new Modifiers(offsetNanos, offsetExpr, at, true, smoothed);
    }

    Modifiers withSmoothed() {
        return new Modifiers(offsetNanos, offsetExpr, at, anchored, true);
    }
}
