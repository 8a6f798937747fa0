/**
 * Findings: {@code Diagnostic} (check id, severity, position, message), {@code Diagnostics}
 * collecting them with the per-check settings applied, the registry of every check
 * ({@code KnownChecks}) and the report formats (text, GitHub, JSON, SARIF, JUnit).
 *
 * <p>May use {@code source}, {@code golang} and {@code text}.
 */
package dev.alertbook.diag;
