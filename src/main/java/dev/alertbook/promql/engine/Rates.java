package dev.alertbook.promql.engine;

/** rate, increase and delta with Prometheus's extrapolation, their instant forms, and linear regression. */
final class Rates {

    private Rates() {
    }

    /**
     * Extrapolates the change over the sampled interval to the whole window, but by at most half
     * an average sample interval past the first and last point (a series may have started or
     * ended inside the window), and for counters never below zero.
     */
    static Double extrapolated(RangeSeries s, Window w, boolean counter, boolean perSecond) {
        int n = s.size();
        if (n < 2) {
            return null;
        }
        double first = s.value(0);
        double result = s.value(n - 1) - first;
        if (counter) {
            double last = 0;
            for (int i = 0; i < n; i++) {
                double v = s.value(i);
                if (v < last) {
                    result += last;
                }
                last = v;
            }
        }
        double toStart = (s.time(0) - w.start()) / 1000.0;
        double toEnd = (w.end() - s.time(n - 1)) / 1000.0;
        double sampled = (s.time(n - 1) - s.time(0)) / 1000.0;
        double average = sampled / (n - 1);
        double threshold = average * 1.1;
        if (toStart >= threshold) {
            toStart = average / 2;
        }
        if (counter && result > 0 && first >= 0) {
            double toZero = sampled * (first / result);
            if (toZero < toStart) {
                toStart = toZero;
            }
        }
        if (toEnd >= threshold) {
            toEnd = average / 2;
        }
        double factor = (sampled + toStart + toEnd) / sampled;
        if (perSecond) {
            factor /= w.rangeSeconds();
        }
        return result * factor;
    }

    /** irate and idelta: the last two points only. */
    static Double instant(RangeSeries s, boolean rate) {
        int n = s.size();
        if (n < 2) {
            return null;
        }
        double last = s.value(n - 1);
        double previous = s.value(n - 2);
        double result = rate && last < previous ? last : last - previous;
        if (!rate) {
            return result;
        }
        double seconds = (s.time(n - 1) - s.time(n - 2)) / 1000.0;
        return seconds == 0 ? null : result / seconds;
    }

    /** Least-squares slope and intercept at {@code interceptTime}, with compensated sums. */
    static double[] regression(RangeSeries s, long interceptTime) {
        KahanSum sumX = new KahanSum();
        KahanSum sumY = new KahanSum();
        KahanSum sumXY = new KahanSum();
        KahanSum sumX2 = new KahanSum();
        double initY = s.value(0);
        boolean constY = true;
        double n = s.size();
        for (int i = 0; i < s.size(); i++) {
            double y = s.value(i);
            constY &= y == initY;
            double x = (s.time(i) - interceptTime) / 1000.0;
            sumX.add(x);
            sumY.add(y);
            sumXY.add(x * y);
            sumX2.add(x * x);
        }
        if (constY) {
            return Double.isInfinite(initY) ? new double[] {Double.NaN, Double.NaN} : new double[] {0, initY};
        }
        double covXY = sumXY.sum() - sumX.sum() * sumY.sum() / n;
        double varX = sumX2.sum() - sumX.sum() * sumX.sum() / n;
        double slope = covXY / varX;
        return new double[] {slope, sumY.sum() / n - slope * sumX.sum() / n};
    }
}
