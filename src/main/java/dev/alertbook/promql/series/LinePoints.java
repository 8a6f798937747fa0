package dev.alertbook.promql.series;

import dev.alertbook.promql.engine.FloatHistogram;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * The points of one series line as it expands, in primitive arrays: a 30-byte line such as
 * {@code x 0+1x300000000} asks for hundreds of millions, so each run of points is checked against
 * the limits before anything is allocated for it. Omitted points take no memory.
 */
final class LinePoints {

    private final PointBudget budget;
    private final BitSet hasFloat = new BitSet();
    private double[] floats = new double[0];
    /** Null until the first histogram. */
    private FloatHistogram[] histograms;
    private final BitSet hintStated = new BitSet();
    private int size;

    LinePoints(PointBudget budget) {
        this.budget = budget;
    }

    /** Makes room for {@code count} more points, or says why the line may not have them. */
    void reserve(long count) {
        if (count > SeriesLine.MAX_POINTS - size) {
            throw new IllegalArgumentException("series expands to more than " + SeriesLine.MAX_POINTS
                    + " points; use fewer repetitions (xN)");
        }
        budget.take(count);
    }

    /**
     * Makes room for {@code count} histograms like {@code sample}. A histogram takes about as much
     * memory as eight floats, and a bucket about one more, so each costs the budget that many
     * points: long expansions such as {@code {{…}}+{{…}}x9999999}, which make a new histogram per
     * point, stay within the memory the budget allows floats.
     */
    void reserveHistograms(long count, FloatHistogram sample) {
        if (count > SeriesLine.MAX_POINTS - size) {
            throw new IllegalArgumentException("series expands to more than " + SeriesLine.MAX_POINTS
                    + " points; use fewer repetitions (xN)");
        }
        long weight = 8 + sample.positive().size() + sample.negative().size();
        budget.take(count > Long.MAX_VALUE / weight ? Long.MAX_VALUE : count * weight);
    }

    void addFloat(double value) {
        if (size >= floats.length) {
            floats = Arrays.copyOf(floats, grown(floats.length));
        }
        floats[size] = value;
        hasFloat.set(size);
        size++;
    }

    void addOmitted(long count) {
        size += (int) count;
    }

    void addHistogram(FloatHistogram histogram, boolean stated) {
        if (histograms == null || size >= histograms.length) {
            histograms = histograms == null ? new FloatHistogram[grown(size)] : Arrays.copyOf(histograms, grown(histograms.length));
        }
        hintStated.set(size, stated);
        histograms[size++] = histogram;
    }

    /** Room for more than {@code size}: doubled, but never past the most a line may hold. */
    private int grown(int length) {
        return (int) Math.min(SeriesLine.MAX_POINTS, Math.max(16, 2L * Math.max(length, size)));
    }

    /** The floats, null for an omitted or histogram point. */
    List<Double> floats() {
        return new View<>(i -> hasFloat.get(i) ? floats[i] : null);
    }

    /** The histograms, null for an omitted or float point. */
    List<FloatHistogram> histograms() {
        return new View<>(i -> histograms != null && i < histograms.length ? histograms[i] : null);
    }

    /** Whether each histogram's literal stated its counter reset hint; false for other points. */
    List<Boolean> hintsStated() {
        return new View<>(hintStated::get);
    }

    /** A read-only list of the points: the line is not changed once parsed. */
    private final class View<T> extends AbstractList<T> implements RandomAccess {

        private final IntFunction<T> point;

        View(IntFunction<T> point) {
            this.point = point;
        }

        @Override
        public T get(int index) {
            return point.apply(Objects.checkIndex(index, size));
        }

        @Override
        public int size() {
            return size;
        }
    }
}
