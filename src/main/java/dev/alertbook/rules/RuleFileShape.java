package dev.alertbook.rules;

/** How a rule file wraps its groups. */
public enum RuleFileShape {
    /** A Prometheus rule file: a mapping with {@code groups:}. */
    PLAIN,
    /** Several YAML documents, each a rule file or a {@code PrometheusRule}. */
    MULTI_DOCUMENT,
    /** A Kubernetes {@code PrometheusRule} object with {@code spec.groups}. */
    PROMETHEUS_RULE
}
