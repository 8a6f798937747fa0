/**
 * The PromQL front end as Prometheus 3.x has it: lexer, parser, AST, type checker, function table,
 * label inference and canonical printer, with {@code PromqlError}s at exact positions. Like
 * Prometheus's parser it knows nothing of rule files, templates, runbooks or the site.
 *
 * <p>May use {@code golang} and {@code text} only.
 */
package dev.alertbook.promql;
