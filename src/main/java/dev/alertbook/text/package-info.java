/**
 * Text and document helpers that know nothing of runbooks or rules: HTML escaping, the JSON and
 * JUnit XML writers, RE2 regular expressions, word splitting for search and "did you mean"
 * spelling hints.
 *
 * <p>The bottom layer: uses nothing of alertbook.
 */
package dev.alertbook.text;
