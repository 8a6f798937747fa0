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
        if (Double.isInfinite(t)) {
            compensation = 0;
        } else if (Math.abs(sum) >= Math.abs(value)) {
            compensation += (sum - t) + value;
        } else {
            compensation += (value - t) + sum;
        }
        sum = t;
    }

    double sum() {
        return sum + compensation;
    }
}
