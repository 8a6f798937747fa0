package dev.alertbook.promql.engine;

import java.util.List;

/**
 * A range vector as a function sees it: the series, and the window {@code (start, end]} in
 * milliseconds they were selected from, which rate extrapolation measures against.
 */
record Window(List<RangeSeries> series, long start, long end) {

    double rangeSeconds() {
        return (end - start) / 1000.0;
    }
}
