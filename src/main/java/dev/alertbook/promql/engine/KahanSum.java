package dev.alertbook.promql.engine;

/**
 * Neumaier-compensated summation, as Prometheus sums floats, so that sums of many small values
 * come out as the conformance tests expect.
 */
final class KahanSum {

    double sum;
    double compensation;

    KahanSum() {
    }

    KahanSum(double sum, double compensation) {
        this.sum = sum;
        this.compensation = compensation;
    }

    void add(double value) {
        double t = sum + value;
        compensation = compensation(sum, value, t, compensation);
        sum = t;
    }

    /**
     * The compensation after adding {@code increment} to {@code sum}, which gave {@code t}: the
     * step every compensated sum shares, the histogram buckets' included.
     */
    static double compensation(double sum, double increment, double t, double compensation) {
        if (Double.isInfinite(t)) {
            return 0;
        }
        if (Math.abs(sum) >= Math.abs(increment)) {
            return compensation + ((sum - t) + increment);
        }
        return compensation + ((increment - t) + sum);
    }

    double sum() {
        return sum + compensation;
    }
}
