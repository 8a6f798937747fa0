/**
 * Server-side syntax highlighting of PromQL (from the PromQL lexer), YAML and shell into escaped
 * HTML, for rule pages and the code blocks of runbooks.
 *
 * <p>May use {@code promql}, {@code golang} and {@code text}.
 */
package dev.alertbook.highlight;
