/**
 * Markdown runbooks and pages: front matter, Hugo shortcodes, rendering the body to HTML and
 * keeping the facts checks and the site read of it (headings, links, code blocks).
 *
 * <p>May use {@code highlight}, {@code diag}, {@code source}, {@code golang} and {@code text}; it
 * knows nothing of rule files, which the model links runbooks to.
 */
package dev.alertbook.runbook;
