/**
 * Prometheus rule files in their three shapes (rule file, multi-document YAML,
 * {@code PrometheusRule}): {@code RuleFile}, {@code RuleGroup}, {@code Rule}, the loaders, and
 * the checks {@code promtool check rules} makes of them: schema, expressions and templates.
 *
 * <p>May use {@code promql}, {@code template}, {@code diag}, {@code source}, {@code golang} and
 * {@code text}.
 */
package dev.alertbook.rules;
