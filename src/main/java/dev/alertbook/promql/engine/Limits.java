package dev.alertbook.promql.engine;

/**
 * The evaluation limits of one query. Samples are counted as they are loaded within one step and
 * as they accumulate in a range query's result, which approximates Prometheus's peak-in-memory
 * count without tracking every release.
 */
final class Limits {

    private final long maxSamples;
    private final long deadlineNanos;
    private long current;
    private long kept;

    Limits(EngineOptions options) {
        this.maxSamples = options.maxSamples();
        this.deadlineNanos = System.nanoTime() + options.timeout().toNanos();
    }

    /**
     * How many samples a histogram counts as, Prometheus's {@code HPoint.size}: its bytes in
     * memory over 16, roughly a float sample's.
     */
    static long size(FloatHistogram h) {
        long bytes = 168 + 8L * (h.positive().size() + h.negative().size() + h.customBounds().length) + 16;
        return (bytes + 8) / 16;
    }

    void load(long samples) {
        current += samples;
        if (current + kept > maxSamples) {
            throw new QueryException("query processing would load too many samples into memory in query execution");
        }
    }

    /** A step is done: its loaded samples are released, its {@code result} samples stay. */
    void endStep(long result) {
        current = 0;
        kept += result;
        load(0);
    }

    void checkTime() {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new QueryException("query timed out in query execution");
        }
    }
}
