/**
 * The PromQL engine: in-memory series storage, instant and range evaluation, functions,
 * aggregations and native histograms, with Prometheus's results and annotations. It knows
 * nothing of rule files or tests that feed it.
 *
 * <p>May use {@code promql}, {@code golang} and {@code text}.
 */
package dev.alertbook.promql.engine;
