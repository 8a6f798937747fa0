/**
 * Rule unit-test files in the {@code promtool test rules} format as loaded: test groups, input
 * series, alert and expression tests, with promtool's strictness. Running them is
 * {@code ruletest.run}.
 *
 * <p>May use {@code promql.series}, {@code diag}, {@code source}, {@code golang} and {@code text}.
 */
package dev.alertbook.ruletest;
