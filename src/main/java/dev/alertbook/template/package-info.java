/**
 * Go's {@code text/template}, parsed and executed as Go does, with the function map Prometheus
 * gives alert labels and annotations ({@code humanize}, {@code query}, …). Queries go through the
 * {@code QueryEngine} interface, so it knows nothing of PromQL or of rule files.
 *
 * <p>May use {@code golang} and {@code text} only.
 */
package dev.alertbook.template;
