package dev.alertbook.promql.engine;

/** A query's start, end and step in milliseconds; an instant query has start = end and step 0. */
record QueryTimes(long start, long end, long step) {

    boolean isRange() {
        return step > 0;
    }
}
