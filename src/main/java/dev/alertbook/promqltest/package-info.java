/**
 * Prometheus's own {@code promqltest} scripts run on our engine: the script language, result
 * checks and the conformance figure {@code alertbook promqltest} prints.
 *
 * <p>May use {@code promql} and its subpackages, {@code golang} and {@code text}.
 */
package dev.alertbook.promqltest;
