package dev.alertbook.promql.engine;

import java.time.Duration;

/**
 * How the engine evaluates: the lookback window of instant selectors, the most samples a query may
 * hold at once, how long it may run, the step of a subquery written without one, and whether
 * start timestamps mark counter resets.
 */
public record EngineOptions(long lookbackMillis, long maxSamples, Duration timeout, long defaultSubqueryStepMillis,
        boolean useStartTimestamps) {

    /** Prometheus's defaults, with the 50 million sample limit of {@code --query.max-samples}. */
    public static final EngineOptions DEFAULT = new EngineOptions(300_000, 50_000_000, Duration.ofMinutes(2), 60_000, false);

    public EngineOptions withTimeout(Duration newTimeout) {
        return new EngineOptions(lookbackMillis, maxSamples, newTimeout, defaultSubqueryStepMillis, useStartTimestamps);
    }

    public EngineOptions withMaxSamples(long newMaxSamples) {
        return new EngineOptions(lookbackMillis, newMaxSamples, timeout, defaultSubqueryStepMillis, useStartTimestamps);
    }

    /**
     * With start timestamps read: rate, irate, increase and resets take a sample whose start
     * timestamp follows the previous sample as a counter reset (3.12+'s {@code UseStartTimestamps},
     * which Prometheus's test engine turns on).
     */
    public EngineOptions withStartTimestamps() {
        return new EngineOptions(lookbackMillis, maxSamples, timeout, defaultSubqueryStepMillis, true);
    }
}
