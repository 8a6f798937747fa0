/**
 * Running rule unit tests as {@code promtool test rules} does: evaluating rules on the PromQL
 * engine step by step, expanding alert templates, comparing with the expected alerts and
 * samples, and the results (with promtool's output, JUnit XML and a cache for the preview server).
 *
 * <p>May use {@code ruletest}, {@code rules}, {@code template}, {@code promql} and its
 * subpackages, {@code diag}, {@code source}, {@code golang} and {@code text}. It knows nothing of
 * the workspace or the site: the model links its results to alerts.
 */
package dev.alertbook.ruletest.run;
