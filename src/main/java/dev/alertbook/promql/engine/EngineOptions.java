package dev.alertbook.promql.engine;

import java.time.Duration;

/**
 * How the engine evaluates: the lookback window of instant selectors, the most samples a query may
 * hold at once, how long it may run, and the step of a subquery written without one.
 */
public record EngineOptions(long lookbackMillis, long maxSamples, Duration timeout, long defaultSubqueryStepMillis) {

    /** Prometheus's defaults, with the 50 million sample limit of {@code --query.max-samples}. */
    public static final EngineOptions DEFAULT = new EngineOptions(300_000, 50_000_000, Duration.ofMinutes(2), 60_000);

    public EngineOptions withTimeout(Duration newTimeout) {
        return new EngineOptions(lookbackMillis, maxSamples, newTimeout, defaultSubqueryStepMillis);
    }

    public EngineOptions withMaxSamples(long newMaxSamples) {
        return new EngineOptions(lookbackMillis, newMaxSamples, timeout, defaultSubqueryStepMillis);
    }
}
