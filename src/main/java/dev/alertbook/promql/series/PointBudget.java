package dev.alertbook.promql.series;

/**
 * How many points the series lines of one script or test file may expand to together. With
 * {@link SeriesLine#MAX_POINTS} per line it bounds the memory and time that a few short lines
 * such as {@code x 0+1x9999999} can ask for.
 */
public final class PointBudget {

    public static final long TOTAL_POINTS = 20_000_000;

    private final String scope;
    private long left = TOTAL_POINTS;

    /** {@code scope} names the lines that share the budget in the error, as in "the series of this script". */
    public PointBudget(String scope) {
        this.scope = scope;
    }

    /** Takes {@code points} from the budget before they are allocated; too many is the line's error. */
    public void take(long points) {
        if (points > left) {
            throw new IllegalArgumentException(scope + " expand to more than " + TOTAL_POINTS
                    + " points in total; load fewer or shorter series");
        }
        left -= points;
    }
}
