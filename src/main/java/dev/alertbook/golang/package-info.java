/**
 * Go's standard library where Prometheus's behaviour depends on it: {@code strconv} number
 * formatting and parsing, quoting and unquoting, {@code time} durations and layouts. Everything
 * that must print or read a value exactly as Prometheus, promtool or a Go template would uses
 * these, so there is one port of each.
 *
 * <p>The bottom layer: uses nothing of alertbook.
 */
package dev.alertbook.golang;
